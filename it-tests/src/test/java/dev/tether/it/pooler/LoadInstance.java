package dev.tether.it.pooler;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.api.Pooler;
import dev.tether.api.UnitOfWork;
import dev.tether.engine.Tether;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One application instance in its own JVM, started by {@link ManyInstancesTest}: a Tether with cap {@value #CAP}
 * and {@value #WORKERS} workers. It prints {@code READY}, waits for {@code GO} on stdin, runs requests for the
 * given time, then prints {@code DONE requests=N errors=E open=O} and exits.
 *
 * <p>Arguments: host port database user persistence pooler seconds; the password comes in {@value #PASSWORD_ENV}.
 */
public final class LoadInstance {
    static final int CAP = 8;
    static final int WORKERS = 16;
    static final String PASSWORD_ENV = "TETHER_LOAD_PASSWORD";

    private LoadInstance() {
    }

    public static void main(String[] args) throws Exception {
        Persistence persistence = Persistence.valueOf(args[4].toUpperCase(java.util.Locale.ROOT));
        DatabaseSettings settings = DatabaseSettings.builder("default").engine("postgresql").host(args[0])
                .port(Integer.parseInt(args[1])).name(args[2]).user(args[3])
                .password(System.getenv().getOrDefault(PASSWORD_ENV, "")).persistence(persistence)
                .pooler(Pooler.valueOf(args[5].toUpperCase(java.util.Locale.ROOT))).maxConnections(CAP)
                .maxAge(DatabaseSettings.UNLIMITED).build();
        Duration run = Duration.ofSeconds(Long.parseLong(args[6]));
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        try (Tether tether = Tether.builder().database(settings).build()) {
            // The server is reachable before the parent says GO.
            if (persistence == Persistence.CONTEXT) {
                tether.inContext(() -> request(tether));
            } else {
                request(tether);
            }
            System.out.println("READY");
            BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"GO".equals(parent.readLine())) {
                return;
            }
            long end = System.nanoTime() + run.toNanos();
            ThreadFactory threads = persistence == Persistence.CONTEXT
                    ? tether.contextThreadFactory(Thread.ofVirtual().factory()) : Thread.ofPlatform().factory();
            try (ExecutorService workers = Executors.newFixedThreadPool(WORKERS, threads)) {
                for (int i = 0; i < WORKERS; i++) {
                    workers.execute(() -> {
                        while (System.nanoTime() - end < 0) {
                            try {
                                request(tether);
                                requests.incrementAndGet();
                            } catch (SQLException | RuntimeException e) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, e.toString());
                            }
                        }
                    });
                }
                workers.shutdown();
                workers.awaitTermination(run.toSeconds() + 60, TimeUnit.SECONDS);
            }
            System.out.println("DONE requests=" + requests + " errors=" + errors + " open=" + tether.stats("default").open());
            if (firstError.get() != null) {
                System.err.println("first error: " + firstError.get());
            }
        }
    }

    /**
     * One request: a prepared statement run more often than pgjdbc's default prepareThreshold (5), so a named
     * server-side statement would be created if the settings allowed one.
     */
    private static int request(Tether tether) throws SQLException {
        int sum = 0;
        try (UnitOfWork ignored = tether.begin(); Connection c = tether.connection("default");
             PreparedStatement s = c.prepareStatement("SELECT ?::int FROM pg_sleep(0.001)")) {
            for (int i = 0; i < 6; i++) {
                s.setInt(1, i);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    sum += r.getInt(1);
                }
            }
        }
        return sum;
    }
}
