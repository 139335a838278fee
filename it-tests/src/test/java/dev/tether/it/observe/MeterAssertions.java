package dev.tether.it.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.PoolStats;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What an operator reads from a registry Tether is bound to, checked the same way for every framework. */
final class MeterAssertions {
    static final String POOL = "db.client.connection.pool.name";

    private MeterAssertions() {
    }

    static double gauge(MeterRegistry registry, String name, String... tags) {
        Gauge gauge = registry.find(name).tag(POOL, "default").tags(tags).gauge();
        assertNotNull(gauge, name + " " + List.of(tags) + " is registered");
        return gauge.value();
    }

    static Timer timer(MeterRegistry registry, String name) {
        Timer timer = registry.find(name).tag(POOL, "default").timer();
        assertNotNull(timer, name + " is registered");
        return timer;
    }

    /** OpenTelemetry's names, units and attribute for the alias "default", with a cap of {@code cap}. */
    static void conventionsHold(MeterRegistry registry, int cap) {
        assertEquals(cap, gauge(registry, "db.client.connection.max"));
        assertEquals(cap, gauge(registry, "db.client.connection.idle.max"));
        assertEquals(0, gauge(registry, "db.client.connection.idle.min"));
        assertEquals(0, gauge(registry, "db.client.connection.pending_requests"), "nobody waits at quiescence");
        assertEquals("{connection}", registry.find("db.client.connection.count").tag("db.client.connection.state", "idle")
                .gauge().getId().getBaseUnit());
        assertEquals("{request}", registry.find("db.client.connection.pending_requests").gauge().getId().getBaseUnit());
        assertEquals("{timeout}", registry.find("db.client.connection.timeouts").counter().getId().getBaseUnit());
        for (String name : List.of("db.client.connection.create_time", "db.client.connection.wait_time",
                "db.client.connection.use_time")) {
            Timer timer = timer(registry, name);
            assertTrue(timer.count() > 0, name + " recorded");
            assertTrue(timer.max(TimeUnit.SECONDS) < 60, name + " in plausible seconds: " + timer.max(TimeUnit.SECONDS));
            assertEquals(9, timer.takeSnapshot().histogramCounts().length, name + " has OpenTelemetry's 9 buckets");
        }
    }

    /** At quiescence, used + idle is what the server counts for the database; {@code server} is where admins connect. */
    static void countsMatchTheServer(MeterRegistry registry, Server server, String database, PoolStats stats)
            throws Exception {
        double used = gauge(registry, "db.client.connection.count", "db.client.connection.state", "used");
        double idle = gauge(registry, "db.client.connection.count", "db.client.connection.state", "idle");
        assertEquals(0, used, "nothing in use at quiescence");
        try (ServerAdmin admin = new ServerAdmin(server)) {
            int sessions = admin.awaitConnectionsTo(database, (int) (used + idle), Duration.ofSeconds(10));
            assertEquals(sessions, (int) (used + idle), "used + idle = the server's sessions; " + stats);
        }
        assertEquals(stats.open(), (int) (used + idle));
        assertEquals(stats.parked() + stats.reservoir(),
                gauge(registry, "tether.connection.count", "tether.connection.state", "parked")
                        + gauge(registry, "tether.connection.count", "tether.connection.state", "reservoir"));
    }
}
