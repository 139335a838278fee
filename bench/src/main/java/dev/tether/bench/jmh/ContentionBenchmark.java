package dev.tether.bench.jmh;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.bench.CountingDataSource;
import dev.tether.engine.Tether;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pool at its cap, with no database in the way: {@value #CLIENTS} virtual-thread clients share
 * {@value #CAP} {@link FakeConnection}s, each request holding one for a simulated {@value #QUERY_MICROS} µs
 * query. Ideal: {@value #CAP} / {@value #QUERY_MICROS} µs = 133k requests/s. Measures how a pool hands
 * connections over to waiters: Tether's context mode against HikariCP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class ContentionBenchmark {
    static final int CLIENTS = 160;
    static final int CAP = 8;
    static final int QUERY_MICROS = 60;
    static final int REQUESTS_PER_CLIENT = 20;
    private static final Duration QUERY = Duration.ofNanos(QUERY_MICROS * 1000L);

    @Param({"tether-context", "hikari"})
    public String pool;

    private Tether tether;
    private HikariDataSource hikari;

    @Setup
    public void setUp() {
        if (pool.equals("hikari")) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("contention");
            config.setDataSource(new CountingDataSource(FakeConnection::new));
            config.setMaximumPoolSize(CAP);
            config.setMinimumIdle(CAP);
            hikari = new HikariDataSource(config);
        } else {
            tether = Tether.builder().backend(new FakeBackend())
                    .database(DatabaseSettings.builder("default").engine(FakeBackend.ENGINE).name("bench")
                            .maxAge(DatabaseSettings.UNLIMITED).persistence(Persistence.CONTEXT).maxConnections(CAP)
                            .build())
                    .reaperPeriod(Duration.ZERO)
                    .build();
        }
    }

    @TearDown
    public void tearDown() {
        if (tether != null) {
            tether.close();
        }
        if (hikari != null) {
            hikari.close();
        }
    }

    /** One batch: every client makes its requests; the score is requests per second. */
    @Benchmark
    @OperationsPerInvocation(CLIENTS * REQUESTS_PER_CLIENT)
    public void requests() throws InterruptedException {
        ThreadFactory threads = tether != null ? tether.contextThreadFactory(Thread.ofVirtual().factory())
                : Thread.ofVirtual().factory();
        List<Thread> clients = new ArrayList<>(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            Thread client = threads.newThread(this::client);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
    }

    private void client() {
        try {
            for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                if (tether != null) {
                    tether.requestStarted();
                    try (Connection c = tether.connection("default")) {
                        Thread.sleep(QUERY);
                    } finally {
                        tether.requestFinished();
                    }
                } else {
                    try (Connection c = hikari.getConnection()) {
                        Thread.sleep(QUERY);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(pool + ": a request failed", e);
        }
    }
}
