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

    /**
     * The alias this database is configured under.
     *
     * @return the {@code <alias>} of {@code tether.databases.<alias>}
     */
    public String alias() {
        return alias;
    }

    /**
     * The validated settings this database's pool runs with.
     *
     * @return the database's settings
     */
    public DatabaseSettings settings() {
        return tether.settings(alias);
    }

    /**
     * The current request's (or thread's) wrapper: Django's {@code connections[alias]}.
     *
     * @return the wrapper that owns this request's connection, created on first use
     */
    public DatabaseWrapper wrapper() {
        return tether.wrapper(alias);
    }

    /**
     * A handle on the current request's connection, opening or taking one if needed.
     *
     * @return a connection handle; close it when done, the connection itself stays persistent
     * @throws SQLException if no connection could be opened or acquired in time
     */
    public Connection connection() throws SQLException {
        return tether.connection(alias);
    }

    /**
     * A {@link DataSource} over {@link #connection()}, for JDBC libraries.
     *
     * @return a data source whose {@code getConnection()} gives the current request's connection
     */
    public DataSource dataSource() {
        return tether.dataSource(alias);
    }

    /**
     * A snapshot of this database's pool: its cap, the connections open, in use and parked, and the callers waiting.
     *
     * @return the pool's counts at the time of the call
     */
    public PoolStats stats() {
        return tether.stats(alias);
    }

    @Override
    public String toString() {
        return "TetherDatabase[" + alias + "]";
    }
}
