package dev.tether.vertx;

import dev.tether.engine.AliasHealth;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import java.time.Duration;

/**
 * Vert.x health-check procedures, one per alias, named {@code tether-<alias>}: UP when a connection can be had and
 * answers a ping within {@code bound}, DOWN otherwise; the pool's figures are the details either way
 * ({@link AliasHealth}, the rule Micronaut's health indicator follows too). The ping never runs on the event loop.
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
        // Vert.x's own timeout is only a backstop: AliasHealth answers DOWN, with the details, at the bound.
        long backstop = bound.plusSeconds(1).toMillis();
        for (String alias : db.tether().aliases()) {
            checks.register("tether-" + alias, backstop, promise -> Future
                    .fromCompletionStage(AliasHealth.check(db.tether(), alias, bound), db.vertx().getOrCreateContext())
                    .onSuccess(health -> {
                        JsonObject details = new JsonObject(health.details());
                        promise.tryComplete(health.up() ? Status.OK(details) : Status.KO(details));
                    })
                    .onFailure(promise::tryFail));
        }
        return checks;
    }
}
