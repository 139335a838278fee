package dev.tether.backend.postgres;

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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The backend against a real PostgreSQL server, in a database of its own. */
class PostgresServerTest {
    /** A hang guard, not a speed check: isUsable's own bound plus slack for a loaded machine. */
    private static final Duration USABLE_GUARD = Duration.ofSeconds(PostgresBackend.USABLE_TIMEOUT_SECONDS + 8);

    private static DatabaseSettings database;
    private final PostgresBackend backend = new PostgresBackend();

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = ServerAdmin.ownDatabase(Servers.postgres(), "backend_postgres").settings("admin").build();
    }

    @Test
    void everyEngineNameFindsThisBackendAsAService() throws IOException {
        for (String engine : backend.engineNames()) {
            assertInstanceOf(PostgresBackend.class, Backends.forSettings(settings().engine(engine).build()));
        }
        try (InputStream services = PostgresBackend.class.getResourceAsStream("/META-INF/services/dev.tether.spi.Backend")) {
            assertEquals(PostgresBackend.class.getName(), new String(services.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void initializeSetsATimeZoneThatOutlivesARollback() throws SQLException {
        DatabaseSettings zoned = settings().timeZone("America/Sao_Paulo").autocommit(false).build();
        try (Connection connection = open(zoned)) {
            assertFalse(connection.getAutoCommit());
            connection.rollback();
            assertEquals("America/Sao_Paulo", single(connection, "SHOW TimeZone"));
        }
    }

    @Test
    void aTimeZoneTheServerDoesNotKnowIsExplained() throws SQLException {
        try (Connection connection = backend.connect(settings().build())) {
            SQLException e = assertThrows(SQLException.class,
                    () -> backend.initialize(connection, settings().timeZone("Mars/Olympus_Mons").build()));
            assertTrue(backend.explainConnectFailure(e).orElseThrow().contains("TIME_ZONE"));
        }
    }

    @Test
    void aTerminatedSessionIsUnusableAndItsErrorBroken() throws Exception {
        try (Connection connection = open(settings().build()); Connection admin = backend.connect(settings().build())) {
            assertTrue(backend.isUsable(connection));
            int pid = Integer.parseInt(single(connection, "SELECT pg_backend_pid()"));
            terminate(admin, pid);
            SQLException e = assertThrows(SQLException.class, () -> single(connection, "SELECT 1"));
            assertEquals(ErrorClass.BROKEN, backend.classify(e));
            assertFalse(assertTimeoutPreemptively(USABLE_GUARD, () -> backend.isUsable(connection)));
        }
    }

    @Test
    void isUsableGivesUpOnAServerThatStoppedAnswering() throws Exception {
        DatabaseSettings real = settings().build();
        try (StallingProxy proxy = new StallingProxy(host(real), real.port() == 0 ? 5432 : real.port());
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
            statement.execute("CREATE TEMPORARY TABLE item (id int PRIMARY KEY, qty smallint)");
            statement.execute("INSERT INTO item VALUES (1, 1)");
            assertEquals(ErrorClass.INTEGRITY, classify(statement, "INSERT INTO item VALUES (1, 2)"));
            assertEquals(ErrorClass.DATA, classify(statement, "SELECT 1 / 0"));
            assertEquals(ErrorClass.DATA, classify(statement, "INSERT INTO item VALUES (2, 40000)"));
            assertEquals(ErrorClass.OTHER, classify(statement, "SELECT * FROM no_such_table"));
            assertTrue(backend.isUsable(connection));
        }
    }

    @Test
    void prepareThresholdZeroLeavesNoPreparedStatementOnTheServer() throws SQLException {
        try (Connection connection = open(settings().options(Map.of("prepareThreshold", "0")).build())) {
            try (PreparedStatement select = connection.prepareStatement("SELECT ?::int")) {
                for (int i = 0; i < 10; i++) {
                    select.setInt(1, i);
                    select.executeQuery().close();
                }
            }
            assertEquals("0", single(connection, "SELECT count(*) FROM pg_prepared_statements"));
        }
    }

    @Test
    void anUnknownDatabaseIsExplained() {
        SQLException e = assertThrows(SQLException.class, () -> backend.connect(settings().name("tether_no_such_db").build()));
        assertEquals("3D000", e.getSQLState());
        assertTrue(backend.explainConnectFailure(e).orElseThrow().contains("NAME"));
    }

    @Test
    void aRejectedPasswordNeverAppearsInTheError() throws Exception {
        String password = "Tr0ub4dor&3-secret";
        try (PasswordRejectingServer server = new PasswordRejectingServer()) {
            DatabaseSettings wrong = settings().host("127.0.0.1").port(server.port()).user("app").password(password).build();
            SQLException e = assertThrows(SQLException.class, () -> backend.connect(wrong));
            assertEquals(password, server.received.get(), "the driver sent the password, so the error path was exercised");
            assertEquals("28P01", e.getSQLState());
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t).contains(password), () -> "leaked in " + e);
            }
            String explanation = backend.explainConnectFailure(e).orElseThrow();
            assertTrue(explanation.contains("PASSWORD"));
            assertFalse(explanation.contains(password));
        }
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

    /** Terminates a session and waits until the server has ended it. */
    private static void terminate(Connection admin, int pid) throws SQLException {
        single(admin, "SELECT pg_terminate_backend(" + pid + ")");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!single(admin, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid).equals("0")) {
            assertTrue(System.nanoTime() < deadline, "session " + pid + " still runs 10 s after pg_terminate_backend");
            Thread.onSpinWait();
        }
    }

    private static String host(DatabaseSettings settings) {
        return settings.host().isEmpty() ? "localhost" : settings.host();
    }
}
