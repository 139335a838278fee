package dev.tether.spi;

import dev.tether.api.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one kind of database needs. Implementations are stateless, found by
 * {@link java.util.ServiceLoader} (declare them with {@code provides} in {@code module-info.java} and
 * in {@code META-INF/services/dev.tether.spi.Backend}) and selected by the ENGINE setting.
 * Prove a backend by extending {@code BackendKit} from {@code tether-backend-kit}.
 */
public interface Backend {
    /**
     * The ENGINE names this backend answers to.
     *
     * @return at least one name; the first is its display name
     */
    List<String> engineNames();

    /**
     * The port used when PORT is not set.
     *
     * @return a TCP port
     */
    int defaultPort();

    /**
     * Checks backend-specific settings (OPTIONS values) at start-up.
     *
     * @param settings the alias's settings
     * @throws dev.tether.api.ConfigurationException naming the alias, the option and the fix
     */
    default void validate(DatabaseSettings settings) {
    }

    /**
     * Opens a new physical connection, bounded by the settings' connect timeout.
     *
     * @param settings the alias's settings; pass the password as a driver property, never in a URL
     * @return the new connection, never {@code null}
     * @throws SQLException when the database cannot be reached or refuses the connection
     */
    Connection connect(DatabaseSettings settings) throws SQLException;

    /**
     * Sets session state once per physical connection: autocommit, time zone, backend options.
     *
     * @param connection a connection {@link #connect} just opened
     * @param settings   the alias's settings
     * @throws SQLException when the session cannot be set up; the engine then closes the connection
     */
    void initialize(Connection connection, DatabaseSettings settings) throws SQLException;

    /**
     * A cheap liveness check bounded by a short timeout; never throws.
     *
     * @param connection a connection of this backend, possibly closed or broken
     * @return whether it answers
     */
    boolean isUsable(Connection connection);

    /**
     * Whether the session is inside a transaction the engine may not have seen (one opened with SQL such as
     * {@code BEGIN}), so it can be rolled back before the connection serves another request. Answer from the
     * driver's own state, without a round trip; never throw. The default knows nothing and says no.
     *
     * @param connection a connection of this backend, possibly closed
     * @return whether a transaction is open
     */
    default boolean inTransaction(Connection connection) {
        return false;
    }

    /**
     * What an error seen on a connection means for it.
     *
     * @param error an error from the driver, with its causes and next exceptions
     * @return never {@code null}; {@link ErrorClass#OTHER} when unsure
     */
    ErrorClass classify(SQLException error);

    /**
     * Whether an error says the server itself went away (shut down, restarted, crashed, closed idle sessions), so
     * that every connection opened before it is dead too and is retired at its next use without a ping (SQLAlchemy's
     * pool invalidation). Only for errors that are also {@link ErrorClass#BROKEN}; never throws. The default says no.
     *
     * @param error an error seen on a connection
     * @return whether the server itself went away
     */
    default boolean serverGone(SQLException error) {
        return false;
    }

    /**
     * How long the server lets a session sit idle before closing it (PostgreSQL {@code idle_session_timeout},
     * MySQL {@code wait_timeout}), read on a freshly opened connection before {@link #initialize}; empty when there
     * is no limit or it is unknown. Connections idle longer are retired without a ping. Must not leave a
     * transaction open or change session state; never throws.
     *
     * @param connection a freshly opened connection
     * @return the server's idle limit for this session, or empty
     */
    default Optional<Duration> serverIdleLimit(Connection connection) {
        return Optional.empty();
    }

    /**
     * How many client connections the server accepts from ordinary users (its {@code max_connections} less the
     * slots it reserves for superusers), read once per alias over a fresh connection; empty when unknown. Must not
     * leave a transaction open or change session state; never throws.
     *
     * @param connection a fresh connection of this backend
     * @return the limit, or empty when unknown
     */
    default OptionalInt connectionLimit(Connection connection) {
        return OptionalInt.empty();
    }

    /**
     * A sentence explaining a failure to connect (too many connections, access denied, ...), if this backend knows one.
     *
     * @param error what {@link #connect} threw
     * @return the sentence, without the password, or empty
     */
    default Optional<String> explainConnectFailure(SQLException error) {
        return Optional.empty();
    }
}
