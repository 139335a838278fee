package dev.tether.it.restarts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.CloseReason;
import dev.tether.api.ConnectionEvent;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.TetherListener;
import dev.tether.engine.Tether;
import dev.tether.it.LogCapture;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.Servers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server idle limit of one second (set for the session through OPTIONS, so the shared servers are not changed) is
 * shorter than the gaps between bursts of 32 requests on a cap of 8: the server closes every connection in each gap.
 * Knowing the limit, Tether retires connections idle past it before reuse, without a ping: no request fails.
 */
class ServerIdleLimitTest {
    private static final Duration GAP = Duration.ofMillis(2_000);

    @ParameterizedTest
    @ValueSource(strings = {Server.POSTGRESQL, Server.MYSQL})
    void burstsAfterTheServersIdleLimitDoNotFail(String engine) throws Exception {
        Server server = Servers.of(engine);
        boolean postgres = server.isPostgres();
        Map<String, String> oneSecondIdleLimit = postgres
                ? Map.of("options", "-c idle_session_timeout=1000")
                : Map.of("sessionVariables", "wait_timeout=1");
        AtomicInteger retiredIdle = new AtomicInteger();
        try (LogCapture log = new LogCapture();
             Tether tether = Tether.builder()
                     .database(DatabaseSettings.builder("default").engine(engine).host(server.host()).port(server.port())
                             .name(server.database()).user(server.user()).password(server.password())
                             .options(oneSecondIdleLimit).maxAge(Duration.ofSeconds(60)).maxConnections(8).build())
                     .reaperPeriod(Duration.ZERO) // requests, not the reaper, must meet the dead connections
                     .listener(new TetherListener() {
                         @Override
                         public void connectionClosed(ConnectionEvent event, CloseReason reason) {
                             if (reason == CloseReason.SERVER_IDLE_LIMIT) {
                                 retiredIdle.incrementAndGet();
                             }
                         }
                     })
                     .build();
             Requests requests = new Requests(tether, 32)) {
            for (int burst = 0; burst < 3; burst++) {
                if (burst > 0) {
                    Thread.sleep(GAP.toMillis()); // longer than the server's limit: it closes the idle sessions
                }
                assertEquals(0, requests.allAtOnce(32), "failed requests in burst " + burst);
            }
            assertTrue(retiredIdle.get() > 0, "connections idle past the server's limit were retired before reuse");
            assertTrue(log.lines().stream().anyMatch(line -> line.startsWith("WARNING") && line.contains("CONN_MAX_AGE (60 s)")
                            && line.contains("IDLE_TIMEOUT (600 s)") && line.contains("idle limit of 1000 ms")),
                    "a warning names the settings above the server's idle limit: " + log.lines());
        }
    }
}
