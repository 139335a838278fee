package dev.tether.backend.h2;

import dev.tether.api.ConfigurationException;
import dev.tether.api.DatabaseSettings;
import dev.tether.spi.Backend;
import dev.tether.spi.ErrorClass;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.h2.Driver;
import org.h2.engine.ConnectionInfo;
import org.h2.engine.Session;
import org.h2.jdbc.JdbcConnection;
import org.h2.message.DbException;

/**
 * H2 ({@code com.h2database:h2}) for ENGINE {@code h2}: in-process when HOST is empty
 * ({@code jdbc:h2:NAME}, so NAME is {@code mem:app}, {@code ./data/app} or {@code ~/app}), otherwise over
 * TCP to an H2 server ({@code jdbc:h2:tcp://HOST:PORT/NAME}). OPTIONS are H2 connection settings
 * ({@code DB_CLOSE_DELAY}, {@code MODE}, ...); one H2 does not know fails at start-up.
 *
 * <p>An H2 server refuses to create a database for a remote client unless it was started with
 * {@code -ifNotExists}: create the database first, in-process or with H2's tools.
 */
public final class H2Backend implements Backend {
    static final int DEFAULT_PORT = 9092;
    /** isUsable waits at most this long for the answer. */
    static final int USABLE_TIMEOUT_SECONDS = 2;
    private static final Driver DRIVER = new Driver();

    /** Found by {@link java.util.ServiceLoader}; stateless. */
    public H2Backend() {
    }

    @Override
    public List<String> engineNames() {
        return List.of("h2");
    }

    @Override
    public int defaultPort() {
        return DEFAULT_PORT;
    }

    /**
     * H2 silently ignores a connection property it does not know, but refuses an unknown setting in the URL:
     * so the OPTIONS are checked as URL settings, the way H2 would read them there.
     */
    @Override
    public void validate(DatabaseSettings settings) {
        StringBuilder url = new StringBuilder(url(settings));
        settings.options().forEach((key, value) -> {
            if (key.contains(";") || key.contains("=") || value.contains(";")) {
                throw ConfigurationException.of(settings.alias(), "OPTIONS", "has '" + key + "', and H2 settings cannot "
                        + "contain ';' (or '=' in a name)", "give each H2 setting as its own OPTIONS entry");
            }
            url.append(';').append(key).append('=').append(value);
        });
        try {
            new ConnectionInfo(url.toString(), new Properties(), settings.user(), settings.password());
        } catch (DbException e) {
            throw ConfigurationException.of(settings.alias(), "OPTIONS", "are refused by H2: " + e.getMessage(),
                    "use H2's connection settings (DB_CLOSE_DELAY, MODE, ...) or remove the option");
        }
    }

    @Override
    public Connection connect(DatabaseSettings settings) throws SQLException {
        if (settings.host().isEmpty()) {
            return DRIVER.connect(url(settings), properties(settings));
        }
        return connectWithin(settings);
    }

    /** H2's client reads the server's handshake without a timeout, so a silent server would hang it: wait on the side. */
    private static Connection connectWithin(DatabaseSettings settings) throws SQLException {
        CompletableFuture<Connection> attempt = new CompletableFuture<>();
        Thread.ofVirtual().name("tether-h2-connect-" + settings.alias()).start(() -> {
            try {
                attempt.complete(DRIVER.connect(url(settings), properties(settings)));
            } catch (SQLException | RuntimeException e) {
                attempt.completeExceptionally(e);
            }
        });
        try {
            return attempt.get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            attempt.thenAccept(H2Backend::closeQuietly); // a connection that arrives late is nobody's
            throw new SQLTimeoutException("[" + settings.alias() + "] no answer from the H2 server at " + settings.host() + ":"
                    + port(settings) + " within CONNECT_TIMEOUT (" + settings.connectTimeout().toMillis() + " ms)", "08001", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("[" + settings.alias() + "] connecting to H2 failed: " + e.getCause(), "08001", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("[" + settings.alias() + "] interrupted while connecting to H2", "08001", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it was never handed out
        }
    }

    static String url(DatabaseSettings settings) {
        return settings.host().isEmpty()
                ? "jdbc:h2:" + settings.name()
                : "jdbc:h2:tcp://" + settings.host() + ":" + port(settings) + "/" + settings.name();
    }

    private static int port(DatabaseSettings settings) {
        return settings.port() == 0 ? DEFAULT_PORT : settings.port();
    }

    /** The password travels as a property, never in the URL. */
    private static Properties properties(DatabaseSettings settings) {
        Properties properties = new Properties();
        properties.putAll(settings.options());
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        return properties;
    }

    /** The time zone is set first, while autocommit is on, so that turning autocommit off leaves no transaction open. */
    @Override
    public void initialize(Connection connection, DatabaseSettings settings) throws SQLException {
        if (!settings.timeZone().isEmpty()) {
            try (Statement statement = connection.createStatement()) {
                // H2 takes no parameter here: the zone is a quoted literal, quotes doubled.
                statement.execute("SET TIME ZONE '" + settings.timeZone().replace("'", "''") + "'");
            }
        }
        if (connection.getAutoCommit() != settings.autocommit()) {
            connection.setAutoCommit(settings.autocommit());
        }
    }

    @Override
    public boolean isUsable(Connection connection) {
        try {
            return connection.isValid(USABLE_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * H2's session knows whether it holds uncommitted changes; {@code BEGIN} turns the session's autocommit
     * off until the transaction ends. In-process this reads memory; over TCP it is one round trip, and only
     * while autocommit is off.
     */
    @Override
    public boolean inTransaction(Connection connection) {
        try {
            Session session = connection.unwrap(JdbcConnection.class).getSession();
            return !session.isClosed() && !session.getAutoCommit() && session.hasPendingTransaction();
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public ErrorClass classify(SQLException error) {
        return H2Errors.classify(error);
    }

    @Override
    public Optional<String> explainConnectFailure(SQLException error) {
        return H2Errors.explainConnectFailure(error);
    }
}
