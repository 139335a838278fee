package dev.tether.vertx;

import dev.tether.api.PoolStats;
import dev.tether.engine.Tether;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import java.sql.Connection;
import java.time.Duration;

/**
 * Vert.x health-check procedures, one per alias, named {@code tether-<alias>}: UP when a connection can be had and
 * answers a ping within {@code bound}, DOWN otherwise; the pool's figures are the details either way.
 *
 * <pre>{@code
 * HealthChecks checks = TetherHealth.register(HealthChecks.create(vertx), db, Duration.ofSeconds(2));
 * }</pre>
 */
public final class TetherHealth {
    private TetherHealth() {
    }

    /**
     * Registers a procedure named {@code tether-<alias>} per alias of a Tether in a set of health checks.
     *
     * @param checks the health checks to add the procedures to
     * @param db     the Tether whose aliases to check
     * @param bound  how long a check may take, from getting a connection to its answering the ping
     * @return {@code checks}, for chaining
     */
    public static HealthChecks register(HealthChecks checks, TetherVertx db, Duration bound) {
        for (String alias : db.tether().aliases()) {
            checks.register("tether-" + alias, bound.toMillis(), promise -> db.vertx()
                    .executeBlocking(() -> ping(db.tether(), alias, bound), false)
                    .onComplete(done -> {
                        JsonObject details = details(db.tether().stats(alias));
                        if (done.succeeded() && done.result()) {
                            promise.tryComplete(Status.OK(details));
                        } else {
                            promise.tryComplete(Status.KO(details.put("error", done.failed()
                                    ? String.valueOf(done.cause().getMessage()) : "the connection did not answer")));
                        }
                    }));
        }
        return checks;
    }

    /** A connection for the alias in a context of its own, pinged; it goes back when the context ends. */
    private static boolean ping(Tether tether, String alias, Duration bound) throws Exception {
        return tether.inContext(() -> {
            try (Connection connection = tether.connection(alias)) {
                return connection.isValid((int) Math.max(1, bound.toSeconds()));
            }
        });
    }

    private static JsonObject details(PoolStats s) {
        return new JsonObject().put("cap", s.cap()).put("open", s.open()).put("inUse", s.inUse())
                .put("parked", s.parked()).put("reservoir", s.reservoir()).put("waiting", s.waiting());
    }
}
