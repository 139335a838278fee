package dev.tether.micronaut;

import dev.tether.api.ContextStorage;
import dev.tether.api.TetherListener;
import dev.tether.engine.Tether;
import dev.tether.spi.Backend;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.value.PropertyResolver;
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
     * Besides {@code tether.databases.*}: {@code tether.reaper-period} and {@code tether.shutdown-timeout}.
     * {@link Backend} and {@link TetherListener} beans are added to those found by the service loader.
     */
    @Context
    @Bean(preDestroy = "close")
    Tether tether(PropertyResolver properties, ContextStorage storage, List<Backend> backends,
                  List<TetherListener> listeners) {
        Tether.Builder builder = Tether.builder().contextStorage(storage);
        DatabaseProperties.read(properties).forEach(builder::database);
        properties.getProperty("tether.reaper-period", Duration.class).ifPresent(builder::reaperPeriod);
        properties.getProperty("tether.shutdown-timeout", Duration.class).ifPresent(builder::shutdownTimeout);
        backends.forEach(builder::backend);
        listeners.forEach(builder::listener);
        return builder.build();
    }

    /** {@code @Named("<alias>") DataSource}: hands out the current request's persistent connection. */
    @EachBean(TetherDatabase.class)
    DataSource dataSource(TetherDatabase database) {
        return database.dataSource();
    }
}
