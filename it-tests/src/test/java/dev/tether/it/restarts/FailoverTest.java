package dev.tether.it.restarts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.UnitOfWork;
import dev.tether.engine.Tether;
import dev.tether.testing.Await;
import dev.tether.testing.servers.LocalPostgres;
import dev.tether.testing.servers.ServerAdmin;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * HOST names a primary and its streaming replica; under a writing load the replica is promoted and the old primary
 * stopped. Requests must recover on the new primary, and no connection to a read-only server is kept: the replica has
 * none of the alias's sessions while it is read-only, counted on its side.
 */
class FailoverTest {
    private static final int CAP = 8;

    @Test
    void requestsRecoverOnThePromotedReplica() throws Exception {
        try (LocalPostgres primary = LocalPostgres.start()) {
            primary.execute("CREATE TABLE writes (id bigint)");
            try (LocalPostgres replica = primary.replica();
                 Tether tether = Tether.builder()
                         .database(DatabaseSettings.builder("default").engine("postgresql")
                                 .host("127.0.0.1:" + primary.port() + ",127.0.0.1:" + replica.port())
                                 .name("postgres").user("postgres").maxAge(DatabaseSettings.UNLIMITED)
                                 .maxConnections(CAP).build())
                         .reaperPeriod(Duration.ZERO)
                         .build()) {
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicInteger failed = new AtomicInteger();
                AtomicLong lastFailure = new AtomicLong();
                AtomicLong succeededAfterStop = new AtomicLong();
                AtomicLong stoppedAt = new AtomicLong(Long.MAX_VALUE);
                ExecutorService clients = Executors.newFixedThreadPool(CAP);
                List<Future<?>> loops = new ArrayList<>();
                for (int i = 0; i < CAP; i++) {
                    loops.add(clients.submit(() -> {
                        while (running.get()) {
                            if (write(tether)) {
                                if (System.nanoTime() - stoppedAt.get() > 0) {
                                    succeededAfterStop.incrementAndGet();
                                }
                            } else {
                                failed.incrementAndGet();
                                lastFailure.set(System.nanoTime());
                            }
                        }
                        return null;
                    }));
                }
                awaitOpen(tether);
                assertEquals(CAP, sessions(primary), "the alias's sessions are on the primary");
                assertEquals(0, sessions(replica), "no session on the read-only replica");

                replica.promote();
                primary.stop();
                stoppedAt.set(System.nanoTime());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (succeededAfterStop.get() < 100 && System.nanoTime() - deadline < 0) {
                    Thread.sleep(20);
                }
                running.set(false);
                for (Future<?> loop : loops) {
                    loop.get(30, TimeUnit.SECONDS);
                }
                clients.shutdown();

                System.err.println("[tether-it] failover under " + CAP + " writing clients: " + failed.get()
                        + " failed requests, the last " + TimeUnit.NANOSECONDS.toMillis(lastFailure.get() - stoppedAt.get())
                        + " ms after the old primary stopped; " + succeededAfterStop.get() + " succeeded after it");
                assertTrue(succeededAfterStop.get() >= 100, "requests recovered on the promoted replica");
                assertTrue(failed.get() <= CAP, failed.get() + " requests failed: at most one per connection in use");
                assertTrue(sessions(replica) <= CAP, "the new primary holds at most the cap");
            }
        }
    }

    private static boolean write(Tether tether) {
        try (UnitOfWork request = tether.begin(); Connection connection = tether.connection("default");
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO writes VALUES (1)");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void awaitOpen(Tether tether) {
        Await.until(CAP + " connections open", () -> tether.stats("default").open() >= CAP, () -> tether.stats("default"));
    }

    private static int sessions(LocalPostgres server) throws SQLException {
        try (ServerAdmin admin = new ServerAdmin(server.server())) {
            return admin.connectionsTo("postgres");
        }
    }
}
