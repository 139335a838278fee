package dev.tether.micronaut;

import dev.tether.engine.AliasHealth;
import dev.tether.engine.Tether;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.util.StringUtils;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import org.reactivestreams.Publisher;

/**
 * One health indicator per alias, named {@code tether-<alias>}, when the application has Micronaut's health endpoint
 * (micronaut-management): UP when a connection can be had and answers a ping within
 * {@code endpoints.health.tether.timeout} (default 2 s), DOWN otherwise, with the pool's figures as details
 * ({@link AliasHealth}, the rule Vert.x's health check follows too). The ping runs on a virtual thread of its own,
 * never on the event loop. {@code endpoints.health.tether.enabled: false} leaves the indicators out.
 */
@EachBean(TetherDatabase.class)
@Requires(classes = HealthIndicator.class)
@Requires(beans = HealthEndpoint.class)
@Requires(property = TetherHealthIndicator.PREFIX + ".enabled", notEquals = StringUtils.FALSE)
final class TetherHealthIndicator implements HealthIndicator {
    static final String PREFIX = HealthEndpoint.PREFIX + ".tether";

    private final Tether tether;
    private final String alias;
    private final Duration timeout;

    TetherHealthIndicator(TetherDatabase database, Tether tether,
                          @Property(name = PREFIX + ".timeout", defaultValue = "2s") Duration timeout) {
        this.tether = tether;
        this.alias = database.alias();
        this.timeout = timeout;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(() -> AliasHealth.check(tether, alias, timeout)
                .thenApply(health -> HealthResult.builder("tether-" + alias, health.up() ? HealthStatus.UP : HealthStatus.DOWN)
                        .details(health.details()).build()));
    }
}
