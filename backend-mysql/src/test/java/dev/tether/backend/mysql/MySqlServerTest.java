package dev.tether.backend.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import dev.tether.spi.Backends;
import dev.tether.spi.ErrorClass;
import dev.tether.testing.StallingProxy;
import dev.tether.testing.servers.ServerAdmin;
import dev.tether.testing.servers.Servers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The backend against a real MySQL-protocol server (MariaDB here), in a database of its own. */
class MySqlServerTest {
    /** A hang guard, not a speed check: isUsable's own bound plus slack for a loaded machine. */
    private static final Duration USABLE_GUARD = Duration.ofSeconds(MySqlBackend.USABLE_TIMEOUT_SECONDS + 8);

    private static DatabaseSettings database;
    private final MySqlBackend backend = new MySqlBackend();

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = ServerAdmin.ownDatabase(Servers.mysql(), "backend_mysql").settings("admin").build();
    }

    @Test
    void everyEngineNameFindsThisBackendAsAService() throws IOException {
        for (String engine : backend.engineNames()) {
            assertInstanceOf(MySqlBackend.class, Backends.forSettings(settings().engine(engine).build()));
        }
        try (InputStream services = MySqlBackend.class.getResourceAsStream("/META-INF/services/dev.tether.spi.Backend")) {
            assertEquals(MySqlBackend.class.getName(), new String(services.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void initializeSetsATimeZoneThatOutlivesARollback() throws SQLException {
        try (Connection connection = open(settings().timeZone("+05:30").autocommit(false).build())) {
            assertFalse(connection.getAutoCommit());
            connection.rollback();
            assertEquals("+05:30", single(connection, "SELECT @@session.time_zone"));
        }
    }

    @Test
    void utcWorksWithoutTheServersTimeZoneTables() throws SQLException {
        try (Connection connection = open(settings().timeZone("UTC").build())) {
            assertEquals("+00:00", single(connection, "SELECT @@session.time_zone"));
            assertEquals("0", single(connection, "SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW())"));
        }
    }

    @Test
    void instantsSurviveARoundTripThroughTheSessionTimeZone() throws SQLException {
        Instant instant = Instant.parse("2026-03-29T01:30:00Z");
        try (Connection connection = open(settings().timeZone("+05:30").build());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE event (at TIMESTAMP NULL)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event VALUES (?)")) {
                insert.setTimestamp(1, Timestamp.from(instant));
                insert.execute();
            }
            assertEquals(String.valueOf(instant.getEpochSecond()), single(connection, "SELECT UNIX_TIMESTAMP(at) FROM event"));
            try (ResultSet rows = statement.executeQuery("SELECT at FROM event")) {
                assertTrue(rows.next());
                assertEquals(instant, rows.getTimestamp(1).toInstant());
            }
        }
    }

    @Test
    void isolationLevelBecomesTheSessions() throws SQLException {
        try (Connection connection = open(settings().options(Map.of("isolation_level", "read committed")).build())) {
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, connection.getTransactionIsolation());
        }
        try (Connection connection = open(settings().options(Map.of("isolation_level", "serializable")).build())) {
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, connection.getTransactionIsolation());
        }
    }

    @Test
    void readsAreNotLeftBoundByTheConnectTimeout() throws SQLException {
        try (Connection connection = open(settings().connectTimeout(Duration.ofSeconds(1)).build())) {
            assertEquals("0", single(connection, "SELECT SLEEP(2)"), "a 2 s query outlives the 1 s handshake bound");
            assertEquals(MySqlProperties.DEFAULT_SOCKET_TIMEOUT_MILLIS, connection.getNetworkTimeout());
        }
    }

    @Test
    void aKilledSessionIsUnusableAndItsErrorBroken() throws Exception {
        try (Connection connection = open(settings().build()); Connection admin = backend.connect(settings().build())) {
            assertTrue(backend.isUsable(connection));
            kill(admin, single(connection, "SELECT CONNECTION_ID()"));
            SQLException e = assertThrows(SQLException.class, () -> single(connection, "SELECT 1"));
            assertEquals(ErrorClass.BROKEN, backend.classify(e));
            assertFalse(assertTimeoutPreemptively(USABLE_GUARD, () -> backend.isUsable(connection)));
        }
    }

    @Test
    void aKilledIdleSessionFailsItsPing() throws Exception {
        try (Connection connection = open(settings().build()); Connection admin = backend.connect(settings().build())) {
            kill(admin, single(connection, "SELECT CONNECTION_ID()"));
            assertFalse(assertTimeoutPreemptively(USABLE_GUARD, () -> backend.isUsable(connection)));
        }
    }

    @Test
    void isUsableGivesUpOnAServerThatStoppedAnswering() throws Exception {
        DatabaseSettings real = settings().build();
        try (StallingProxy proxy = new StallingProxy(real.host().isEmpty() ? "localhost" : real.host(),
                real.port() == 0 ? MySqlBackend.DEFAULT_PORT : real.port());
             Connection connection = open(settings().host("127.0.0.1").port(proxy.port()).build())) {
            assertTrue(backend.isUsable(connection));
            proxy.stall();
            assertFalse(assertTimeoutPreemptively(USABLE_GUARD, () -> backend.isUsable(connection)));
        }
    }

    @Test
    void connectGivesUpOnAServerThatNeverAnswers() throws Exception {
        try (StallingProxy silent = StallingProxy.silent()) {
            DatabaseSettings unanswered = settings().host("127.0.0.1").port(silent.port())
                    .connectTimeout(Duration.ofSeconds(1)).build();
            SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(SQLException.class, () -> backend.connect(unanswered)));
            assertTrue(backend.explainConnectFailure(e).orElseThrow().contains("CONNECT_TIMEOUT"));
        }
    }

    @Test
    void realConstraintAndDataErrorsKeepTheConnection() throws SQLException {
        try (Connection connection = open(settings().build()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE item (id INT PRIMARY KEY, qty TINYINT)");
            statement.execute("INSERT INTO item VALUES (1, 1)");
            assertEquals(ErrorClass.INTEGRITY, classify(statement, "INSERT INTO item VALUES (1, 2)"));
            assertEquals(ErrorClass.DATA, classify(statement, "INSERT INTO item VALUES (2, 1000)"));
            assertEquals(ErrorClass.DATA, classify(statement, "INSERT INTO item VALUES (3, 1 / 0)"));
            assertEquals(ErrorClass.OTHER, classify(statement, "SELECT * FROM no_such_table"));
            assertTrue(backend.isUsable(connection));
        }
    }

    @Test
    void anUnknownDatabaseIsExplained() {
        SQLException e = assertThrows(SQLException.class, () -> backend.connect(settings().name("tether_no_such_db").build()));
        assertEquals(1049, e.getErrorCode());
        assertTrue(backend.explainConnectFailure(e).orElseThrow().contains("NAME"));
    }

    @Test
    void aRejectedPasswordNeverAppearsInTheError() {
        String password = "Tr0ub4dor&3-secret";
        SQLException e = assertThrows(SQLException.class, () -> backend.connect(settings().password(password).build()));
        assertEquals(1045, e.getErrorCode());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t).contains(password), () -> "leaked in " + e);
        }
        String explanation = backend.explainConnectFailure(e).orElseThrow();
        assertTrue(explanation.contains("PASSWORD"));
        assertFalse(explanation.contains(password));
    }

    private Connection open(DatabaseSettings settings) throws SQLException {
        Connection connection = backend.connect(settings);
        try {
            backend.initialize(connection, settings);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** A fresh builder for this class's database: builders are mutable. */
    private static DatabaseSettings.Builder settings() {
        return database.toBuilder();
    }

    private ErrorClass classify(Statement statement, String sql) {
        return backend.classify(assertThrows(SQLException.class, () -> statement.execute(sql)));
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    /** Kills a session and waits until the server has ended it. */
    private static void kill(Connection admin, String id) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("KILL " + id);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!single(admin, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " + id).equals("0")) {
            assertTrue(System.nanoTime() < deadline, "session " + id + " still runs 10 s after KILL");
            Thread.onSpinWait();
        }
    }
}
