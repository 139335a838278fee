package dev.tether.it.restarts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import dev.tether.engine.Tether;
import dev.tether.testing.servers.LocalMariaDb;
import dev.tether.testing.servers.LocalPostgres;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server restarted while the alias's connections sit idle, on servers the test starts itself (the shared ones are
 * never restarted). Without pool invalidation every idle connection costs one failed request (8 on a cap of 8);
 * with it, the first request that finds the server gone is the only one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartTest {
    private static final int CAP = 8;

    private LocalPostgres postgres;
    private LocalMariaDb mariadb;

    @BeforeAll
    void startServers() throws Exception {
        postgres = LocalPostgres.start();
        mariadb = LocalMariaDb.start();
    }

    @AfterAll
    void stopServers() {
        if (postgres != null) {
            postgres.close();
        }
        if (mariadb != null) {
            mariadb.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Server.POSTGRESQL, Server.MYSQL})
    void idleConnectionsCostAtMostOneFailedRequestAfterARestart(String engine) throws Exception {
        try (Tether tether = tether(engine, false); Requests requests = new Requests(tether, CAP)) {
            requests.openOnEveryWorker();
            assertEquals(CAP, tether.stats("default").open());

            restart(engine);
            int failed = requests.oneAfterAnother(2 * CAP);

            assertTrue(failed <= 1, failed + " of " + 2 * CAP + " requests failed after the restart; at most 1 may");
            assertEquals(0, requests.oneAfterAnother(2 * CAP), "requests failed once the restart was noticed");
            assertTrue(sessions(engine) <= CAP, "at most the cap of sessions on the restarted server");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Server.POSTGRESQL, Server.MYSQL})
    void withHealthChecksNoRequestFailsAfterARestart(String engine) throws Exception {
        try (Tether tether = tether(engine, true); Requests requests = new Requests(tether, CAP)) {
            requests.openOnEveryWorker();

            restart(engine);

            assertEquals(0, requests.oneAfterAnother(2 * CAP), "requests failed after the restart");
        }
    }

    /** The issue asks what 32 clients at once see after an idle restart: printed, and the next burst must be clean. */
    @ParameterizedTest
    @ValueSource(strings = {Server.POSTGRESQL, Server.MYSQL})
    void concurrentClientsAfterAnIdleRestart(String engine) throws Exception {
        try (Tether tether = tether(engine, false); Requests requests = new Requests(tether, 32)) {
            assertEquals(0, requests.allAtOnce(32)); // 32 workers share the cap of 8: all 8 open
            assertEquals(CAP, tether.stats("default").open());
            restart(engine);

            int failed = requests.allAtOnce(32);
            System.err.println("[tether-it] " + engine + ": 32 concurrent requests after an idle restart, cap " + CAP
                    + ", health checks off: " + failed + " failed");

            assertTrue(failed <= CAP, "at most one failure per connection that was open across the restart");
            assertEquals(0, requests.allAtOnce(32), "a second burst after the restart must not fail");
        }
    }

    private Tether tether(String engine, boolean healthChecks) {
        Server server = server(engine);
        return Tether.builder()
                .database(DatabaseSettings.builder("default").engine(engine).host(server.host()).port(server.port())
                        .name(server.database()).user(server.user()).password(server.password())
                        .maxAge(DatabaseSettings.UNLIMITED).healthChecks(healthChecks).maxConnections(CAP)
                        .acquireTimeout(Duration.ofSeconds(30)).build())
                .reaperPeriod(Duration.ZERO) // only requests may find the restart out
                .build();
    }

    private Server server(String engine) {
        return Server.POSTGRESQL.equals(engine) ? postgres.server() : mariadb.server();
    }

    private void restart(String engine) throws Exception {
        if (Server.POSTGRESQL.equals(engine)) {
            postgres.restart();
        } else {
            mariadb.restart();
        }
    }

    private int sessions(String engine) throws Exception {
        Server server = server(engine);
        try (ServerAdmin admin = new ServerAdmin(server)) {
            return admin.connectionsTo(server.database());
        }
    }
}
