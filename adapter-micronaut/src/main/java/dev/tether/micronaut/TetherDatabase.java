package dev.tether.micronaut;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.DatabaseWrapper;
import dev.tether.api.PoolStats;
import dev.tether.engine.Tether;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One configured database ({@code tether.databases.<alias>}), injectable by name:
 * {@code @Named("reports") TetherDatabase reports}. The alias {@code default} is the primary one.
 */
@EachProperty(value = DatabaseProperties.PREFIX, primary = "default")
public final class TetherDatabase {
    private final String alias;
    private final Tether tether;

    TetherDatabase(@Parameter String alias, Tether tether) {
        this.alias = alias;
        this.tether = tether;
    }

    public String alias() {
        return alias;
    }

    public DatabaseSettings settings() {
        return tether.settings(alias);
    }

    /** The current request's (or thread's) wrapper: Django's {@code connections[alias]}. */
    public DatabaseWrapper wrapper() {
        return tether.wrapper(alias);
    }

    /** A handle on the current request's connection; close it when done, the connection stays persistent. */
    public Connection connection() throws SQLException {
        return tether.connection(alias);
    }

    public DataSource dataSource() {
        return tether.dataSource(alias);
    }

    public PoolStats stats() {
        return tether.stats(alias);
    }

    @Override
    public String toString() {
        return "TetherDatabase[" + alias + "]";
    }
}
