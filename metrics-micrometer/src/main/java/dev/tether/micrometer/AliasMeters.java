package dev.tether.micrometer;

import dev.tether.api.CloseReason;
import dev.tether.api.PoolStats;
import dev.tether.engine.Tether;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One alias's meters. The OpenTelemetry names, units and histogram buckets follow the database-client metrics
 * semantic conventions (status Development; see the README for the version followed).
 */
record AliasMeters(Timer createTime, Timer waitTime, Timer useTime, Counter timeouts, Map<CloseReason, Counter> closes,
                   Counter rollbacks, Counter healthChecksPassed, Counter healthChecksFailed, List<Meter> gauges) {
    static final String POOL_NAME = "db.client.connection.pool.name";
    static final String STATE = "db.client.connection.state";
    static final String TETHER_STATE = "tether.connection.state";

    /** OpenTelemetry's advised explicit bucket boundaries for the connection-pool histograms, in seconds. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};

    AliasMeters(Tether tether, String alias, MeterRegistry registry) {
        this(timer("db.client.connection.create_time", "The time it took to create a new connection", alias, registry),
                timer("db.client.connection.wait_time", "The time it took to obtain an open connection from the pool",
                        alias, registry),
                timer("db.client.connection.use_time",
                        "The time between borrowing a connection and returning it to the pool", alias, registry),
                Counter.builder("db.client.connection.timeouts")
                        .description("The number of connection timeouts that have occurred trying to obtain a "
                                + "connection from the pool")
                        .baseUnit("{timeout}").tags(Tags.of(POOL_NAME, alias)).register(registry),
                closes(alias, registry),
                Counter.builder("tether.transaction.rollbacks")
                        .description("Transactions left open at the end of a unit of work, rolled back by Tether")
                        .baseUnit("{transaction}").tags(Tags.of(POOL_NAME, alias)).register(registry),
                healthChecks(alias, "passed", registry),
                healthChecks(alias, "failed", registry),
                gauges(tether, alias, registry));
    }

    List<Meter> all() {
        List<Meter> all = new ArrayList<>(List.of(createTime, waitTime, useTime, timeouts, rollbacks, healthChecksPassed,
                healthChecksFailed));
        all.addAll(closes.values());
        all.addAll(gauges);
        return all;
    }

    private static Timer timer(String name, String description, String alias, MeterRegistry registry) {
        return Timer.builder(name).description(description).tags(Tags.of(POOL_NAME, alias))
                .serviceLevelObjectives(BUCKETS).register(registry);
    }

    private static Map<CloseReason, Counter> closes(String alias, MeterRegistry registry) {
        Map<CloseReason, Counter> closes = new EnumMap<>(CloseReason.class);
        for (CloseReason reason : CloseReason.values()) {
            closes.put(reason, Counter.builder("tether.connection.closes")
                    .description("Physical connections closed, by reason")
                    .baseUnit("{connection}")
                    .tags(Tags.of(POOL_NAME, alias, "tether.close.reason", reason.name().toLowerCase(Locale.ROOT)))
                    .register(registry));
        }
        return closes;
    }

    private static Counter healthChecks(String alias, String result, MeterRegistry registry) {
        return Counter.builder("tether.health_checks")
                .description("CONN_HEALTH_CHECKS pings of reused connections, by result")
                .baseUnit("{ping}").tags(Tags.of(POOL_NAME, alias, "tether.health_check.result", result))
                .register(registry);
    }

    private static List<Meter> gauges(Tether tether, String alias, MeterRegistry registry) {
        List<Meter> gauges = new ArrayList<>();
        // Parked connections (kept by an idle thread) and reservoir ones are both open and not in use: OpenTelemetry's idle.
        gauges.add(gauge("db.client.connection.count", Tags.of(POOL_NAME, alias, STATE, "idle"), "{connection}",
                "The number of connections that are currently in state described by the state attribute", tether,
                alias, s -> s.parked() + s.reservoir(), registry));
        gauges.add(gauge("db.client.connection.count", Tags.of(POOL_NAME, alias, STATE, "used"), "{connection}",
                "The number of connections that are currently in state described by the state attribute", tether,
                alias, PoolStats::inUse, registry));
        // Tether keeps at most the cap open and closes none to keep a minimum: idle connections range from 0 to the cap.
        gauges.add(gauge("db.client.connection.idle.max", Tags.of(POOL_NAME, alias), "{connection}",
                "The maximum number of idle open connections allowed", tether, alias, PoolStats::cap, registry));
        gauges.add(gauge("db.client.connection.idle.min", Tags.of(POOL_NAME, alias), "{connection}",
                "The minimum number of idle open connections allowed", tether, alias, s -> 0, registry));
        gauges.add(gauge("db.client.connection.max", Tags.of(POOL_NAME, alias), "{connection}",
                "The maximum number of open connections allowed", tether, alias, PoolStats::cap, registry));
        gauges.add(gauge("db.client.connection.pending_requests", Tags.of(POOL_NAME, alias), "{request}",
                "The number of current pending requests for an open connection", tether, alias, PoolStats::waiting,
                registry));
        for (String state : List.of("in_use", "parked", "reservoir")) {
            ToDoubleFunction<PoolStats> value = switch (state) {
                case "in_use" -> PoolStats::inUse;
                case "parked" -> PoolStats::parked;
                default -> PoolStats::reservoir;
            };
            gauges.add(gauge("tether.connection.count", Tags.of(POOL_NAME, alias, TETHER_STATE, state), "{connection}",
                    "Open connections by Tether's state: in use, parked with a thread, or in the alias's reservoir",
                    tether, alias, value, registry));
        }
        return gauges;
    }

    private static Gauge gauge(String name, Tags tags, String unit, String description, Tether tether, String alias,
                               ToDoubleFunction<PoolStats> value, MeterRegistry registry) {
        return Gauge.builder(name, tether, t -> value.applyAsDouble(t.stats(alias))).tags(tags).baseUnit(unit)
                .description(description).strongReference(true).register(registry);
    }
}
