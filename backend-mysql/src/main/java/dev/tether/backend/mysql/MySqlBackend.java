package dev.tether.backend.mysql;

import dev.tether.api.ConfigurationException;
import dev.tether.api.DatabaseSettings;
import dev.tether.spi.Backend;
import dev.tether.spi.ErrorClass;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * MySQL and MariaDB over Connector/J ({@code com.mysql:mysql-connector-j}), for ENGINE {@code mysql}
 * (also {@code mariadb}, {@code django.db.backends.mysql}).
 *
 * <p>Connections get {@code connectTimeout} from CONNECT_TIMEOUT (which also bounds the login
 * handshake), a {@code socketTimeout} of {@value MySqlProperties#DEFAULT_SOCKET_TIMEOUT_MILLIS} ms
 * and {@code tcpKeepAlive=true}; OPTIONS are Connector/J properties and override these. TLS is
 * left to Connector/J's default ({@code sslMode=PREFERRED}: TLS when the server offers it); set
 * {@code sslMode} in OPTIONS to require or disable it.
 *
 * <p>{@code OPTIONS.isolation_level} sets the session's isolation as in Django: {@code read uncommitted},
 * {@code read committed}, {@code repeatable read} or {@code serializable}; left out, the server's
 * default stays (Django itself defaults to {@code read committed}). TIME_ZONE sets the session's
 * {@code time_zone} and Connector/J's {@code connectionTimeZone} to match; a zone without daylight
 * saving ('UTC', '+02:00') is sent as its offset, so it works without the server's time zone tables.
 */
public final class MySqlBackend implements Backend {
    static final int DEFAULT_PORT = 3306;
    /** isUsable waits at most this long for the server's answer to a ping. */
    static final int USABLE_TIMEOUT_SECONDS = 2;
    private static final String CONNECTOR_J = "com.mysql.cj.jdbc.Driver";

    private static volatile Driver driver;

    /** Found by {@link java.util.ServiceLoader}; stateless. */
    public MySqlBackend() {
    }

    @Override
    public List<String> engineNames() {
        return List.of("mysql", "mariadb", "django.db.backends.mysql");
    }

    @Override
    public int defaultPort() {
        return DEFAULT_PORT;
    }

    @Override
    public void validate(DatabaseSettings settings) {
        Driver found = driver().orElseThrow(() -> ConfigurationException.of(settings.alias(), "ENGINE",
                "is '" + settings.engine() + "', which needs Connector/J", missingDriverFix()));
        MySqlProperties.validate(settings, found);
    }

    @Override
    public Connection connect(DatabaseSettings settings) throws SQLException {
        Driver found = driver().orElseThrow(() -> new SQLNonTransientConnectionException("[" + settings.alias() + "] "
                + "Connector/J is missing; " + missingDriverFix(), "08001"));
        Properties properties = MySqlProperties.of(settings);
        int socketTimeout = Integer.parseInt(MySqlProperties.get(properties, MySqlProperties.SOCKET_TIMEOUT).strip());
        int handshakeTimeout = handshakeTimeout(settings, socketTimeout);
        // Connector/J reads the login handshake under socketTimeout: bound it by CONNECT_TIMEOUT, then widen it.
        MySqlProperties.put(properties, MySqlProperties.SOCKET_TIMEOUT, String.valueOf(handshakeTimeout));
        Connection connection = found.connect(MySqlProperties.url(settings), properties);
        if (connection == null) {
            throw new SQLNonTransientConnectionException("[" + settings.alias() + "] Connector/J did not accept the URL built "
                    + "from HOST and PORT (" + MySqlProperties.url(settings) + "); correct HOST", "08001");
        }
        if (socketTimeout != handshakeTimeout) {
            try {
                connection.setNetworkTimeout(Runnable::run, socketTimeout);
            } catch (SQLException | RuntimeException e) {
                closeQuietly(connection, e);
                throw e;
            }
        }
        return connection;
    }

    private static int handshakeTimeout(DatabaseSettings settings, int socketTimeout) {
        int connectTimeout = Math.clamp(settings.connectTimeout().toMillis(), 1, Integer.MAX_VALUE);
        return socketTimeout == 0 ? connectTimeout : Math.min(socketTimeout, connectTimeout);
    }

    /** Time zone and isolation are set first, while autocommit is on, so that turning it off leaves no transaction open. */
    @Override
    public void initialize(Connection connection, DatabaseSettings settings) throws SQLException {
        if (!settings.timeZone().isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement("SET time_zone = ?")) {
                statement.setString(1, MySqlProperties.sessionTimeZone(settings.timeZone()));
                statement.execute();
            }
        }
        Optional<IsolationLevel> isolation = MySqlProperties.isolationLevel(settings);
        if (isolation.isPresent()) {
            connection.setTransactionIsolation(isolation.get().jdbcLevel);
        }
        if (connection.getAutoCommit() != settings.autocommit()) {
            connection.setAutoCommit(settings.autocommit());
        }
    }

    /**
     * A protocol ping (COM_PING) under a socket timeout of {@value #USABLE_TIMEOUT_SECONDS} s: Connector/J's
     * isValid. (The {@code /* ping *}{@code /} statement pings too, but with no timeout of its own.)
     */
    @Override
    public boolean isUsable(Connection connection) {
        try {
            return connection.isValid(USABLE_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean inTransaction(Connection connection) {
        return ServerTransaction.open(connection);
    }

    /** {@code max_connections}: MySQL and MariaDB admit one more client with SUPER/CONNECTION ADMIN, not counted here. */
    @Override
    public OptionalInt connectionLimit(Connection connection) {
        return readNumber(connection, "SELECT @@max_connections")
                .map(limit -> OptionalInt.of(limit.intValue())).orElse(OptionalInt.empty());
    }

    @Override
    public Optional<Duration> serverIdleLimit(Connection connection) {
        // The session's value: Connector/J is not an interactive client, so interactive_timeout does not apply.
        return readNumber(connection, "SELECT @@SESSION.wait_timeout").filter(seconds -> seconds > 0).map(Duration::ofSeconds);
    }

    /** One number from a query, leaving no transaction open; empty when there is no row or it fails. */
    private static Optional<Long> readNumber(Connection connection, String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            Optional<Long> value = result.next() ? Optional.of(result.getLong(1)) : Optional.empty();
            if (!connection.getAutoCommit()) {
                connection.rollback(); // a fresh connection is handed out without a transaction
            }
            return value;
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean serverGone(SQLException error) {
        return MySqlErrors.serverGone(error);
    }

    @Override
    public ErrorClass classify(SQLException error) {
        return MySqlErrors.classify(error);
    }

    @Override
    public Optional<String> explainConnectFailure(SQLException error) {
        return MySqlErrors.explainConnectFailure(error);
    }

    /** Connector/J as a java.sql.Driver service, without instantiating other drivers on the path. */
    private static Optional<Driver> driver() {
        Driver found = driver;
        if (found == null) {
            found = ServiceLoader.load(Driver.class, MySqlBackend.class.getClassLoader()).stream()
                    .filter(provider -> provider.type().getName().equals(CONNECTOR_J))
                    .findFirst().map(ServiceLoader.Provider::get).orElse(null);
            driver = found;
        }
        return Optional.ofNullable(found);
    }

    private static String missingDriverFix() {
        return "add com.mysql:mysql-connector-j to the class or module path";
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
