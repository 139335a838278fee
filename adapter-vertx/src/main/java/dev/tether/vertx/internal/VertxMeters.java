package dev.tether.vertx.internal;

import dev.tether.engine.Tether;
import dev.tether.micrometer.TetherMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * Tether's meters in the registry of Vert.x's own metrics: when {@code vertx} has metrics on through
 * vertx-micrometer-metrics (its default registry) and tether-metrics-micrometer is on the class path, an engine
 * is bound to that registry when it starts and unbound when it closes. Otherwise nothing; both jars are optional.
 */
final class VertxMeters {
    private static final Runnable NONE = () -> { };

    private VertxMeters() {
    }

    /** Binds {@code tether} to the registry of {@code vertx}'s metrics, if it has one; run the result to unbind. */
    static Runnable bind(Vertx vertx, Tether tether) {
        if (!vertx.isMetricsEnabled() || !present("io.vertx.micrometer.backends.BackendRegistries")
                || !present("dev.tether.micrometer.TetherMetrics")) {
            return NONE;
        }
        return Micrometer.bind(tether);
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, VertxMeters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Loaded only once both optional jars are known to be there. */
    private static final class Micrometer {
        static Runnable bind(Tether tether) {
            MeterRegistry registry = BackendRegistries.getDefaultNow();
            return registry == null ? NONE : TetherMetrics.bind(tether, registry)::close;
        }
    }
}
