package dev.tether.backend.kit;

import dev.tether.api.DatabaseSettings;
import dev.tether.spi.Backend;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hooks a backend author answers so the kit can run: the backend, a database to run on and what
 * that database can do. Hooks for a capability that is not declared are never called.
 */
public interface KitDatabase {
    /**
     * The backend under test.
     *
     * @return a new or shared instance; backends are stateless
     */
    Backend backend();

    /**
     * What the database can do; tests needing anything else are reported as not applicable.
     *
     * @return the declared capabilities, possibly none
     */
    Set<Capability> capabilities();

    /**
     * Settings for a database the kit may create and drop its tables ({@code kit_item}, {@code kit_lock}) in.
     *
     * @param alias the alias the kit uses for these settings
     * @return settings with ENGINE, NAME, credentials and, for a server, HOST and PORT
     */
    DatabaseSettings.Builder settings(String alias);

    /**
     * The database's own id of the session behind a connection.
     *
     * @param connection an open connection from the backend under test
     * @return the id the database reports for this session
     * @throws SQLException if the database cannot say
     */
    long sessionId(Connection connection) throws SQLException;

    /**
     * Settings whose credentials the database refuses (a wrong password, or an unknown user).
     *
     * @param settings the kit's settings
     * @return the same settings with refused credentials
     */
    DatabaseSettings.Builder withBadCredentials(DatabaseSettings.Builder settings);

    /**
     * SQL that opens a transaction behind JDBC's back, on a session in autocommit mode.
     *
     * @return {@code BEGIN} unless the database spells it differently
     */
    default String beginStatement() {
        return "BEGIN";
    }

    /**
     * An OPTIONS entry that {@link Backend#validate} must refuse at start-up (an unknown key, or a known
     * key with a wrong value).
     *
     * @return the entry, or empty if the backend interprets no OPTIONS (the test is then not applicable)
     */
    default Optional<Map.Entry<String, String>> refusedOption() {
        return Optional.empty();
    }

    /**
     * Ends a session from the database's side, as an administrator or a failover would. Called only with
     * {@link Capability#TERMINATES_SESSIONS}.
     *
     * @param sessionId the id {@link #sessionId} returned
     * @throws SQLException if the database refuses
     */
    default void terminate(long sessionId) throws SQLException {
        throw new UnsupportedOperationException("declare Capability.TERMINATES_SESSIONS and implement terminate(sessionId)");
    }

    /**
     * Whether the database still lists a session. Called only with {@link Capability#SERVER_IDLE_TIMEOUT}.
     *
     * @param sessionId the id {@link #sessionId} returned
     * @return whether the session still exists on the server
     * @throws SQLException if the database cannot say
     */
    default boolean sessionExists(long sessionId) throws SQLException {
        throw new UnsupportedOperationException("declare Capability.SERVER_IDLE_TIMEOUT and implement sessionExists(sessionId)");
    }

    /**
     * SQL a session runs on itself so the server disconnects it after {@code idle} without a statement.
     * Called only with {@link Capability#SERVER_IDLE_TIMEOUT}.
     *
     * @param idle how long the session may stay idle
     * @return the statement, such as {@code SET SESSION wait_timeout = 1}
     */
    default String idleTimeoutStatement(Duration idle) {
        throw new UnsupportedOperationException("declare Capability.SERVER_IDLE_TIMEOUT and implement idleTimeoutStatement(idle)");
    }
}
