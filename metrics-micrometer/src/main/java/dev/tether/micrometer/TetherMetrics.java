package dev.tether.micrometer;

import dev.tether.api.CloseReason;
import dev.tether.api.PoolObserver;
import dev.tether.engine.Tether;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Binds one {@link Tether}'s pools to a Micrometer registry: for every alias, OpenTelemetry's database-client
 * connection-pool metrics ({@code db.client.connection.*}, attribute {@code db.client.connection.pool.name} = the
 * alias) and Tether's own ({@code tether.*}). See the README's "Operating Tether" for the list.
 *
 * <pre>{@code
 * TetherMetrics metrics = TetherMetrics.bind(tether, registry); // close() removes the meters
 * }</pre>
 */
public final class TetherMetrics implements AutoCloseable {
    private final MeterRegistry registry;
    private final AutoCloseable subscription;
    private final List<Meter> meters = new ArrayList<>();

    private TetherMetrics(Tether tether, MeterRegistry registry) {
        this.registry = registry;
        Map<String, AliasMeters> byAlias = tether.aliases().stream()
                .collect(Collectors.toUnmodifiableMap(alias -> alias, alias -> new AliasMeters(tether, alias, registry)));
        byAlias.values().forEach(m -> meters.addAll(m.all()));
        this.subscription = tether.observe(new Recorder(byAlias));
    }

    /**
     * Registers every alias's meters in a registry and starts recording.
     *
     * @param tether   the Tether whose aliases to measure
     * @param registry where the meters go
     * @return the binding; close it to stop recording and remove the meters
     */
    public static TetherMetrics bind(Tether tether, MeterRegistry registry) {
        return new TetherMetrics(Objects.requireNonNull(tether, "tether"), Objects.requireNonNull(registry, "registry"));
    }

    /** Stops recording and removes the meters from the registry. */
    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException("unreachable: removing an observer does not fail", e);
        }
        meters.forEach(registry::remove);
    }

    /** The engine's calls, turned into the alias's meters. */
    private record Recorder(Map<String, AliasMeters> byAlias) implements PoolObserver {
        @Override
        public void connectionOpened(String alias, long nanos) {
            byAlias.get(alias).createTime().record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void connectionAcquired(String alias, long nanos) {
            byAlias.get(alias).waitTime().record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void connectionReleased(String alias, long nanos) {
            byAlias.get(alias).useTime().record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void acquireTimedOut(String alias) {
            byAlias.get(alias).timeouts().increment();
        }

        @Override
        public void connectionClosed(String alias, CloseReason reason) {
            byAlias.get(alias).closes().get(reason).increment();
        }

        @Override
        public void transactionRolledBack(String alias) {
            byAlias.get(alias).rollbacks().increment();
        }

        @Override
        public void healthChecked(String alias, boolean usable, long nanos) {
            (usable ? byAlias.get(alias).healthChecksPassed() : byAlias.get(alias).healthChecksFailed()).increment();
        }
    }
}
