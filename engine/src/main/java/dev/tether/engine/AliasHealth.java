package dev.tether.engine;

import dev.tether.api.PoolStats;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The health of one alias, the rule the framework adapters' health checks share: UP when a connection can be had
 * and answers a ping within a bound, DOWN otherwise; the pool's figures are the details either way, with the
 * error when DOWN. The details never hold the URL or the password (a connect error names host, port, database and
 * user, as the engine's log lines do).
 *
 * <pre>{@code
 * AliasHealth.check(tether, "default", Duration.ofSeconds(2)).thenAccept(health -> report(health.up(), health.details()));
 * }</pre>
 *
 * @param alias the database alias
 * @param up    whether a connection was had and answered the ping within the bound
 * @param error why the alias is DOWN, or null when it is UP
 * @param stats the pool's figures when the check ended
 */
public record AliasHealth(String alias, boolean up, String error, PoolStats stats) {

    /**
     * Checks an alias off the caller's thread: a virtual thread takes a connection in a context of its own, pings it
     * and gives it back. The result is DOWN at {@code bound} if the ping has not answered by then; that ping still
     * ends on its own (bounded by ACQUIRE_TIMEOUT and CONNECT_TIMEOUT) and its connection goes back.
     *
     * @param tether the Tether whose alias to check
     * @param alias  a configured alias
     * @param bound  how long the check may take, from asking for a connection to its answering the ping
     * @return a future of the alias's health, completed within {@code bound}; it never fails
     */
    public static CompletableFuture<AliasHealth> check(Tether tether, String alias, Duration bound) {
        Objects.requireNonNull(tether, "tether");
        Objects.requireNonNull(alias, "alias");
        if (bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("[" + alias + "] the health check's bound must be positive, not " + bound);
        }
        CompletableFuture<AliasHealth> result = new CompletableFuture<>();
        Thread.ofVirtual().name("tether-health-" + alias).start(() -> result.complete(ping(tether, alias, bound)));
        return result.completeOnTimeout(null, bound.toNanos(), TimeUnit.NANOSECONDS)
                .thenApply(health -> health != null ? health : new AliasHealth(alias, false,
                        "no connection answered within " + bound.toMillis() + " ms", tether.stats(alias)));
    }

    private static AliasHealth ping(Tether tether, String alias, Duration bound) {
        String error;
        try {
            boolean valid = tether.inContext(() -> {
                try (Connection connection = tether.connection(alias)) {
                    return connection.isValid((int) Math.max(1, bound.toSeconds()));
                }
            });
            error = valid ? null : "the connection did not answer the ping";
        } catch (Exception e) {
            error = String.valueOf(e.getMessage());
        }
        return new AliasHealth(alias, error == null, error, tether.stats(alias));
    }

    /**
     * The figures a health endpoint shows: the pool's cap, open, in-use, parked, reservoir and waiting counts, and
     * the error when DOWN.
     *
     * @return the details, in that order
     */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cap", stats.cap());
        details.put("open", stats.open());
        details.put("inUse", stats.inUse());
        details.put("parked", stats.parked());
        details.put("reservoir", stats.reservoir());
        details.put("waiting", stats.waiting());
        if (error != null) {
            details.put("error", error);
        }
        return details;
    }
}
