package dev.tether.it.restarts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.Credentials;
import dev.tether.api.DatabaseSettings;
import dev.tether.engine.Tether;
import dev.tether.testing.Await;
import dev.tether.testing.servers.LocalPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
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
import org.junit.jupiter.api.Test;

/**
 * A role's password changes while the application runs, on a PostgreSQL cluster of the test's own that checks
 * passwords (the shared one trusts every local user). The credentials supplier stands in for a secret store that is
 * updated together with the role.
 */
class RotatingCredentialsTest {
    private static final Duration LIFETIME = Duration.ofSeconds(2);

    private final Object secretStore = new Object();
    private volatile String password = "first-secret";

    @Test
    void newConnectionsUseTheNewPasswordAndOldOnesRetireByTheLifetime() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start()) {
            postgres.execute("CREATE ROLE app LOGIN PASSWORD '" + password + "'");
            AtomicInteger asked = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            try (Tether tether = Tether.builder()
                    .database(DatabaseSettings.builder("default").engine("postgresql").host("127.0.0.1")
                            .port(postgres.port()).name("postgres").user("app").maxAge(DatabaseSettings.UNLIMITED)
                            .credentialLifetime(LIFETIME).maxConnections(4).build())
                    .credentials("default", settings -> {
                        asked.incrementAndGet();
                        synchronized (secretStore) {
                            return new Credentials(settings.user(), password);
                        }
                    })
                    .reaperPeriod(Duration.ZERO)
                    .build();
                 Requests requests = new Requests(tether, 4)) {
                ExecutorService load = Executors.newSingleThreadExecutor();
                Future<?> loop = load.submit(() -> {
                    while (running.get()) {
                        failed.addAndGet(requests.allAtOnce(4));
                    }
                    return null;
                });
                // the load opens its 4 connections with the first password
                Await.until("4 connections open", () -> tether.stats("default").open() >= 4, () -> tether.stats("default"));
                List<Long> oldSessions;
                synchronized (secretStore) {
                    password = "second-secret";
                    postgres.execute("ALTER ROLE app PASSWORD '" + password + "'");
                    oldSessions = sessionsOfApp(postgres);
                }
                Thread.sleep(LIFETIME.toMillis() + 500); // every connection from before retires within the lifetime
                running.set(false);
                loop.get(30, TimeUnit.SECONDS);
                load.shutdown();

                assertEquals(0, failed.get(), "requests failed while the password rotated");
                List<Long> sessions = sessionsOfApp(postgres);
                assertFalse(oldSessions.isEmpty(), "sessions were open when the password changed; " + tether.stats("default")
                        + ", asked " + asked + ", failed " + failed);
                assertFalse(sessions.isEmpty(), "the load kept sessions open");
                assertTrue(sessions.stream().noneMatch(oldSessions::contains), "sessions opened with the old password "
                        + oldSessions + " remain: " + sessions);
                assertEquals(tether.stats("default").opened(), asked.get(), "the supplier is asked once per new connection");
                assertTrue(asked.get() > 4, "connections were replaced after the rotation");
            }
        }
    }

    /** The backend pids of role app's sessions. */
    private static List<Long> sessionsOfApp(LocalPostgres postgres) throws Exception {
        try (Connection connection = postgres.server().connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE usename = 'app'")) {
            List<Long> pids = new ArrayList<>();
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
            return pids;
        }
    }
}
