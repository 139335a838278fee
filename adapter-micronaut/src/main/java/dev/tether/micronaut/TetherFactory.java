package dev.tether.micronaut;

import dev.tether.api.ContextStorage;
import dev.tether.api.TetherListener;
import dev.tether.engine.Tether;
import dev.tether.spi.Backend;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The engine, built when the application context starts so that a configuration mistake stops
 * start-up, and closed when the context shuts down; and one {@link DataSource} per alias.
 */
@Factory
final class TetherFactory {

    /**
     * Besides {@code tether.databases.*}: {@code tether.reaper-period}, {@code tether.shutdown-timeout} and
     * {@code tether.check-on-start} (open and check one connection per alias before the application starts). Any
     * other key under {@code tether.} stops start-up. {@link Backend} and {@link TetherListener} beans are added to
     * those found by the service loader.
     */
    @Context
    @Bean(preDestroy = "close")
    Tether tether(Environment properties, ContextStorage storage, List<Backend> backends,
                  List<TetherListener> listeners) {
        TopLevelKeys.check(properties);
        Tether.Builder builder = Tether.builder().contextStorage(storage);
        DatabaseProperties.read(properties).forEach(builder::database);
        properties.getProperty("tether.reaper-period", Duration.class).ifPresent(builder::reaperPeriod);
        properties.getProperty("tether.shutdown-timeout", Duration.class).ifPresent(builder::shutdownTimeout);
        backends.forEach(builder::backend);
        listeners.forEach(builder::listener);
        properties.getProperty("tether.check-on-start", Boolean.class).ifPresent(builder::checkOnStart);
        return builder.build();
    }

    /** {@code @Named("<alias>") DataSource}: hands out the current request's persistent connection. */
    @EachBean(TetherDatabase.class)
    DataSource dataSource(TetherDatabase database) {
        return database.dataSource();
    }
}
