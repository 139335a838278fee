package dev.tether.micronaut;

import dev.tether.engine.Tether;
import dev.tether.micrometer.TetherMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;

/**
 * Binds Tether's pools to the application's {@link MeterRegistry} when there is one (and
 * {@code tether-metrics-micrometer} is on the classpath): OpenTelemetry's {@code db.client.connection.*} meters
 * per alias. Eager, so the meters exist before the first request.
 */
@Context
@Requires(classes = {MeterRegistry.class, TetherMetrics.class})
@Requires(beans = MeterRegistry.class)
final class TetherMeterBinding {
    private final TetherMetrics metrics;

    TetherMeterBinding(Tether tether, MeterRegistry registry) {
        this.metrics = TetherMetrics.bind(tether, registry);
    }

    @PreDestroy
    void close() {
        metrics.close();
    }
}
