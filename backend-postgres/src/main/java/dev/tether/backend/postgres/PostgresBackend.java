package dev.tether.backend.postgres;

import dev.tether.api.DatabaseSettings;
import dev.tether.spi.Backend;
import dev.tether.spi.ErrorClass;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.postgresql.Driver;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * PostgreSQL over pgjdbc, for ENGINE {@code postgresql} (also {@code postgres}, {@code pgsql},
 * {@code django.db.backends.postgresql}).
 *
 * <p>Connections get {@code connectTimeout} and {@code loginTimeout} from CONNECT_TIMEOUT, a
 * {@code socketTimeout} of {@value PostgresProperties#DEFAULT_SOCKET_TIMEOUT_SECONDS} s and
 * {@code tcpKeepAlive=true}; OPTIONS are pgjdbc connection properties and override these
 * ({@code sslmode}, {@code ApplicationName} or libpq's {@code application_name}, ...). An OPTIONS key
 * pgjdbc does not know fails at start-up instead of being silently ignored.
 *
 * <p><b>Behind PgBouncer in transaction pooling mode</b> set {@code POOLER: transaction}: connections
 * then get {@code prepareThreshold=0}, so pgjdbc never creates named server-side prepared statements,
 * which would otherwise collide on other clients' server connections
 * ({@code prepared statement "S_1" already exists}); another prepareThreshold in OPTIONS fails at
 * start-up. TIME_ZONE is safe there: PgBouncer tracks the TimeZone parameter per client.
 */
public final class PostgresBackend implements Backend {
    static final int DEFAULT_PORT = 5432;
    /** isUsable waits at most this long for the server's answer. */
    static final int USABLE_TIMEOUT_SECONDS = 2;
    // The Driver directly, not DriverManager: no registration or caller class-loader checks, on module and class path alike.
    private static final Driver DRIVER = new Driver();

    /** Found by {@link java.util.ServiceLoader}; stateless. */
    public PostgresBackend() {
    }

    @Override
    public List<String> engineNames() {
        return List.of("postgresql", "postgres", "pgsql", "django.db.backends.postgresql");
    }

    @Override
    public int defaultPort() {
        return DEFAULT_PORT;
    }

    @Override
    public void validate(DatabaseSettings settings) {
        PostgresProperties.validate(settings);
    }

    @Override
    public Connection connect(DatabaseSettings settings) throws SQLException {
        Connection connection = DRIVER.connect(PostgresProperties.url(settings), PostgresProperties.of(settings));
        if (connection == null) {
            throw new SQLNonTransientConnectionException("[" + settings.alias() + "] pgjdbc did not accept the URL built from "
                    + "HOST and PORT (" + PostgresProperties.url(settings) + "); correct HOST", "08001");
        }
        return connection;
    }

    /** The time zone is set first, while autocommit is on, so that turning autocommit off leaves no transaction open. */
    @Override
    public void initialize(Connection connection, DatabaseSettings settings) throws SQLException {
        if (!settings.timeZone().isEmpty()) {
            // set_config with a parameter, as Django does: the value needs no quoting and cannot inject SQL.
            try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('TimeZone', ?, false)")) {
                statement.setString(1, settings.timeZone());
                statement.execute();
            }
        }
        if (connection.getAutoCommit() != settings.autocommit()) {
            connection.setAutoCommit(settings.autocommit());
        }
    }

    /** pgjdbc's isValid sends an empty query under a network timeout it restores afterwards. */
    @Override
    public boolean isUsable(Connection connection) {
        try {
            return connection.isValid(USABLE_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** pgjdbc tracks the server's transaction status from every reply, so this costs no round trip. */
    @Override
    public boolean inTransaction(Connection connection) {
        try {
            return connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** {@code max_connections} less the superuser slots, and less {@code reserved_connections} on PostgreSQL 16+. */
    @Override
    public OptionalInt connectionLimit(Connection connection) {
        return readNumber(connection, "SELECT current_setting('max_connections')::int"
                + " - current_setting('superuser_reserved_connections')::int"
                + " - coalesce(current_setting('reserved_connections', true)::int, 0)")
                .map(limit -> OptionalInt.of(limit.intValue())).orElse(OptionalInt.empty());
    }

    @Override
    public Optional<Duration> serverIdleLimit(Connection connection) {
        // pg_settings gives it in milliseconds; 0 is off, and before PostgreSQL 14 there is no such row.
        return readNumber(connection, "SELECT setting::bigint FROM pg_settings WHERE name = 'idle_session_timeout'")
                .filter(millis -> millis > 0).map(Duration::ofMillis);
    }

    /** One number from a query, leaving no transaction open; empty when there is no row or it fails. */
    private static Optional<Long> readNumber(Connection connection, String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            Optional<Long> value = result.next() ? Optional.of(result.getLong(1)) : Optional.empty();
            if (!connection.getAutoCommit()) {
                connection.rollback(); // the SELECT opened a transaction; a fresh connection is handed out without one
            }
            return value;
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean serverGone(SQLException error) {
        return PostgresErrors.serverGone(error);
    }

    @Override
    public ErrorClass classify(SQLException error) {
        return PostgresErrors.classify(error);
    }

    @Override
    public Optional<String> explainConnectFailure(SQLException error) {
        return PostgresErrors.explainConnectFailure(error);
    }
}
