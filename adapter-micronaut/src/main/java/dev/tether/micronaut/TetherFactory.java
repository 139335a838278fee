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
import io.micronaut.core.value.PropertyResolver;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The engine, built when the application context starts so that a configuration mistake stops
 * start-up, and closed when the context shuts down; and one {@link DataSource} per alias.
 */
@Factory
final class TetherFactory {
    private static final System.Logger LOG = System.getLogger("dev.tether.micronaut");

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
        Tether tether = builder.build();
        reportOtherDataSources(properties, tether);
        return tether;
    }

    /**
     * Micronaut's own {@code datasources.<name>} next to Tether's: says at start-up which serves the name, since a
     * pool that reads them (micronaut-jdbc-hikari) registers a DataSource of the same name that wins silently.
     */
    private static void reportOtherDataSources(PropertyResolver properties, Tether tether) {
        for (String name : properties.getPropertyEntries("datasources")) {
            if (tether.aliases().contains(name)) {
                LOG.log(Level.WARNING, "datasources." + name + " and tether.databases." + name + " are both configured: "
                        + "a JDBC pool that reads datasources.* (micronaut-jdbc-hikari, ...) registers its own DataSource "
                        + "named '" + name + "', which then serves @Named(\"" + name + "\") DataSource instead of Tether. "
                        + "Remove datasources." + name + " (and that pool), or inject @Named(\"" + name + "\") TetherDatabase");
            } else {
                LOG.log(Level.INFO, "datasources." + name + " is not a Tether database: Micronaut's own JDBC pool, if "
                        + "any, serves it; Tether serves " + String.join(", ", tether.aliases()));
            }
        }
    }

    /** {@code @Named("<alias>") DataSource}: hands out the current request's persistent connection. */
    @EachBean(TetherDatabase.class)
    DataSource dataSource(TetherDatabase database) {
        return database.dataSource();
    }
}
