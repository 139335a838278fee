package dev.tether.backend.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tether.api.ConfigurationException;
import dev.tether.api.DatabaseSettings;
import dev.tether.spi.Backend;
import dev.tether.spi.Backends;
import dev.tether.spi.ErrorClass;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backend compatibility kit: every method of {@link Backend}, called the way the engine calls it,
 * on a real database. A backend proves itself with a test class that extends this one and answers
 * {@link #database()}; tests that need a {@link Capability} the database lacks are reported as not
 * applicable by name.
 */
public abstract class BackendKit {
    private static final String ALIAS = "kit";

    private final List<Connection> opened = new ArrayList<>();

    /** For subclasses. */
    protected BackendKit() {
    }

    /**
     * The database and backend under test.
     *
     * @return the hooks; called once per test
     */
    protected abstract KitDatabase database();

    private KitDatabase db;
    private Backend backend;

    @BeforeEach
    final void createTables() throws SQLException {
        db = database();
        backend = db.backend();
        try (Connection c = open(settings()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS kit_item");
            s.execute("CREATE TABLE kit_item (id INT PRIMARY KEY, code VARCHAR(3))");
            s.execute("INSERT INTO kit_item VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            s.execute("DROP TABLE IF EXISTS kit_lock");
            s.execute("CREATE TABLE kit_lock (id INT PRIMARY KEY, n INT)");
            s.execute("INSERT INTO kit_lock VALUES (1, 0), (2, 0)");
        }
    }

    @AfterEach
    final void closeConnections() {
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException alreadyGone) {
                // a test terminated or broke it on purpose
            }
        }
    }

    private DatabaseSettings.Builder settings() {
        return db.settings(ALIAS);
    }

    /** Connects and initialises, as the engine does for every physical connection. */
    private Connection open(DatabaseSettings.Builder settings) throws SQLException {
        DatabaseSettings built = settings.build();
        Connection c = backend.connect(built);
        assertNotNull(c, "connect returned null");
        opened.add(c);
        backend.initialize(c, built);
        return c;
    }

    private Connection open() throws SQLException {
        return open(settings());
    }

    private void requireCapability(Capability capability) {
        assumeTrue(db.capabilities().contains(capability),
                () -> "not applicable: needs Capability." + capability + ", which this database does not declare");
    }

    private static SQLException failure(Connection c, String sql) {
        return assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }, sql);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    // engineNames, defaultPort, validate

    @Test
    void engineNamesFindThisBackendThroughServiceLoader() {
        List<String> names = backend.engineNames();
        assertFalse(names.isEmpty(), "engineNames() is empty: the ENGINE setting could never select this backend");
        for (String name : names) {
            Backend found = Backends.find(ALIAS, name, Backends.available());
            assertEquals(backend.getClass(), found.getClass(), "ENGINE '" + name + "' selects " + found.getClass().getName()
                    + ": register the backend in module-info.java (provides) and META-INF/services/dev.tether.spi.Backend");
        }
        assertTrue(names.stream().anyMatch(n -> n.equalsIgnoreCase(settings().build().engine())),
                "the kit's settings use an ENGINE this backend does not list");
    }

    @Test
    void defaultPortIsATcpPort() {
        int port = backend.defaultPort();
        assertTrue(port > 0 && port < 65536, "defaultPort() is " + port);
    }

    @Test
    void validateAcceptsWorkingSettings() {
        backend.validate(settings().build());
    }

    @Test
    void validateRefusesABadOptionNamingTheAliasAndTheOption() {
        Optional<Map.Entry<String, String>> refused = db.refusedOption();
        assumeTrue(refused.isPresent(), "not applicable: KitDatabase.refusedOption() names no option this backend refuses");
        String key = refused.get().getKey();
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> backend.validate(settings().option(key, refused.get().getValue()).build()));
        assertTrue(error.getMessage().contains(ALIAS), error.getMessage());
        assertTrue(error.getMessage().contains(key), error.getMessage());
    }

    // connect, explainConnectFailure

    @Test
    void connectOpensSeparateSessionsOnTheNamedDatabase() throws SQLException {
        Connection first = open();
        Connection second = open();
        assertNotEquals(db.sessionId(first), db.sessionId(second), "two connects gave one session");
        execute(first, "INSERT INTO kit_item VALUES (10, 'new')");
        try (Statement s = second.createStatement(); ResultSet rs = s.executeQuery("SELECT code FROM kit_item WHERE id = 10")) {
            assertTrue(rs.next(), "a committed row is not visible from a second connection: are both on the named database?");
        }
    }

    @Test
    void badCredentialsAreRefusedWithoutRevealingThePassword() {
        DatabaseSettings bad = db.withBadCredentials(settings()).connectTimeout(Duration.ofSeconds(5)).build();
        SQLException error = assertThrows(SQLException.class, () -> open(db.withBadCredentials(settings())));
        assertSecretKept(error, bad);
    }

    @Test
    void connectFailureExplanationIsASentenceOrNothing() {
        DatabaseSettings bad = db.withBadCredentials(settings()).build();
        SQLException error = assertThrows(SQLException.class, () -> backend.connect(bad));
        for (SQLException e : List.of(error, new SQLException("unrelated"), new SQLException("no state", (String) null))) {
            Optional<String> explanation = backend.explainConnectFailure(e);
            assertNotNull(explanation, "explainConnectFailure returned null");
            explanation.ifPresent(sentence -> assertFalse(sentence.isBlank(), "a blank explanation"));
        }
        assertSecretKept(error, bad);
    }

    private void assertSecretKept(SQLException error, DatabaseSettings settings) {
        if (settings.password().isEmpty()) {
            return;
        }
        for (Throwable link = error; link != null; link = link.getCause()) {
            assertFalse(String.valueOf(link.getMessage()).contains(settings.password()), "the password is in: " + link);
        }
        backend.explainConnectFailure(error)
                .ifPresent(sentence -> assertFalse(sentence.contains(settings.password()), "the password is in: " + sentence));
    }

    @Test
    void unknownDatabaseIsRefused() {
        requireCapability(Capability.NETWORK_SERVER);
        assertThrows(SQLException.class, () -> open(settings().name("tether_kit_no_such_database")));
    }

    @Test
    void nothingListeningFailsPromptly() throws IOException {
        requireCapability(Capability.NETWORK_SERVER);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DatabaseSettings.Builder settings = settings().host("127.0.0.1").port(port).connectTimeout(Duration.ofSeconds(2));
        assertThrows(SQLException.class, () -> open(settings));
    }

    @Test
    void serverThatAcceptsButNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
        requireCapability(Capability.NETWORK_SERVER);
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = Thread.ofVirtual().start(() -> holdEveryConnection(silent));
            DatabaseSettings.Builder settings = settings().host("127.0.0.1").port(silent.getLocalPort())
                    .connectTimeout(Duration.ofSeconds(2));
            CompletableFuture<Throwable> attempt = CompletableFuture.supplyAsync(() -> {
                try {
                    open(settings);
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            // Well past the 2 s timeout, yet short of hanging the build when the timeout is ignored.
            Throwable outcome = attempt.get(30, TimeUnit.SECONDS);
            assertTrue(outcome instanceof SQLException, "connect to a silent server returned " + outcome);
            silent.close();
            acceptor.join();
        }
    }

    private static void holdEveryConnection(ServerSocket server) {
        List<Socket> held = new ArrayList<>();
        while (!server.isClosed()) {
            try {
                held.add(server.accept());
            } catch (IOException closed) {
                return;
            }
        }
    }

    // initialize

    @Test
    void initializeAppliesTheAutocommitSetting() throws SQLException {
        assertTrue(open(settings().autocommit(true)).getAutoCommit(), "AUTOCOMMIT true");
        Connection off = open(settings().autocommit(false));
        assertFalse(off.getAutoCommit(), "AUTOCOMMIT false");
        assertFalse(backend.inTransaction(off), "initialize left a transaction open");
    }

    // connectionLimit

    @Test
    void connectionLimitIsPositiveOrUnknownAndLeavesTheSessionAsItWas() throws SQLException {
        Connection c = open(settings().autocommit(true));
        OptionalInt limit = backend.connectionLimit(c);
        assertNotNull(limit, "connectionLimit returned null");
        limit.ifPresent(n -> assertTrue(n > 0, "connectionLimit is " + n));
        assertTrue(c.getAutoCommit(), "connectionLimit changed autocommit");
        assertFalse(backend.inTransaction(c), "connectionLimit left a transaction open");
        assertTrue(backend.isUsable(c));
    }

    // serverIdleLimit

    @Test
    void serverIdleLimitIsPositiveOrUnknownAndLeavesTheSessionAsItWas() throws SQLException {
        Connection c = open(settings().autocommit(false));
        Optional<Duration> limit = backend.serverIdleLimit(c);
        assertNotNull(limit, "serverIdleLimit returned null");
        limit.ifPresent(d -> assertTrue(d.isPositive(), "serverIdleLimit is " + d));
        assertFalse(c.getAutoCommit(), "serverIdleLimit changed autocommit");
        assertFalse(backend.inTransaction(c), "serverIdleLimit left a transaction open");
        assertTrue(backend.isUsable(c));
    }

    // isUsable

    @Test
    void isUsableIsTrueOnALiveSession() throws SQLException {
        assertTrue(backend.isUsable(open()));
    }

    @Test
    void isUsableIsFalseOnAClosedConnectionWithoutThrowing() throws SQLException {
        Connection c = open();
        c.close();
        assertFalse(backend.isUsable(c));
    }

    @Test
    void isUsableIsFalseOnATerminatedSession() throws SQLException {
        requireCapability(Capability.TERMINATES_SESSIONS);
        Connection c = open();
        db.terminate(db.sessionId(c));
        assertFalse(backend.isUsable(c));
    }

    @Test
    void sessionClosedByTheServersIdleTimeoutIsNotUsableAndItsErrorIsBroken() throws SQLException {
        requireCapability(Capability.SERVER_IDLE_TIMEOUT);
        Connection c = open();
        long session = db.sessionId(c);
        execute(c, db.idleTimeoutStatement(Duration.ofSeconds(1)));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (db.sessionExists(session) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000_000L); // polling the server: it cannot notify us
        }
        assertFalse(db.sessionExists(session), "the server did not close the idle session within 20 s");
        assertFalse(backend.isUsable(c));
        assertEquals(ErrorClass.BROKEN, backend.classify(failure(c, "SELECT 1")));
    }

    // inTransaction, with statements left open

    @Test
    void inTransactionIsFalseInAutocommitMode() throws SQLException {
        Connection c = open(settings().autocommit(true));
        execute(c, "INSERT INTO kit_item VALUES (11, 'x')");
        assertFalse(backend.inTransaction(c));
    }

    @Test
    void inTransactionSeesATransactionOpenedWithSql() throws SQLException {
        Connection c = open(settings().autocommit(true));
        execute(c, db.beginStatement());
        execute(c, "INSERT INTO kit_item VALUES (12, 'x')");
        assertTrue(backend.inTransaction(c), "a transaction opened with '" + db.beginStatement() + "' is not seen");
        execute(c, "ROLLBACK");
        assertFalse(backend.inTransaction(c), "still in a transaction after ROLLBACK");
    }

    @Test
    void inTransactionFollowsUncommittedWorkWithAutocommitOff() throws SQLException {
        Connection c = open(settings().autocommit(false));
        execute(c, "INSERT INTO kit_item VALUES (13, 'x')");
        assertTrue(backend.inTransaction(c), "uncommitted work is not seen");
        c.commit();
        assertFalse(backend.inTransaction(c), "still in a transaction after commit");
    }

    @Test
    void statementsLeftOpenNeitherHideATransactionNorAreDisturbedByTheChecks() throws SQLException {
        Connection c = open(settings().autocommit(false));
        execute(c, "INSERT INTO kit_item VALUES (14, 'x')");
        Statement left = c.createStatement();
        ResultSet rows = left.executeQuery("SELECT id FROM kit_item ORDER BY id");
        assertTrue(rows.next());
        assertTrue(backend.inTransaction(c), "an open result set hid the transaction");
        assertTrue(backend.isUsable(c), "not usable while a result set is open");
        assertTrue(rows.next(), "the checks closed or consumed a result set the application left open");
        assertEquals(2, rows.getInt(1));
        c.rollback();
        assertFalse(backend.inTransaction(c));
    }

    @Test
    void inTransactionIsFalseOnAClosedConnectionWithoutThrowing() throws SQLException {
        Connection c = open();
        c.close();
        assertFalse(backend.inTransaction(c));
    }

    // classify: the database's own errors

    @Test
    void duplicateKeyIsIntegrity() throws SQLException {
        assertEquals(ErrorClass.INTEGRITY, backend.classify(failure(open(), "INSERT INTO kit_item VALUES (1, 'z')")));
    }

    @Test
    void valueTooLongIsData() throws SQLException {
        assertEquals(ErrorClass.DATA, backend.classify(failure(open(), "INSERT INTO kit_item VALUES (20, 'toolong')")));
    }

    @Test
    void syntaxErrorIsOther() throws SQLException {
        assertEquals(ErrorClass.OTHER, backend.classify(failure(open(), "SELEC 1")));
    }

    @Test
    void deadlockIsTransient() throws Exception {
        Connection first = open(settings().autocommit(false));
        Connection second = open(settings().autocommit(false));
        execute(first, "UPDATE kit_lock SET n = 1 WHERE id = 1");
        execute(second, "UPDATE kit_lock SET n = 1 WHERE id = 2");
        CompletableFuture<SQLException> crossing = CompletableFuture.supplyAsync(() -> lockError(first, 2));
        SQLException here = lockError(second, 1);
        SQLException there = crossing.get(60, TimeUnit.SECONDS);
        SQLException victim = here != null ? here : there;
        if (victim == null) {
            fail("neither transaction of a deadlock failed");
        }
        assertEquals(ErrorClass.TRANSIENT, backend.classify(victim), victim.toString());
    }

    private static SQLException lockError(Connection c, int id) {
        try {
            execute(c, "UPDATE kit_lock SET n = 2 WHERE id = " + id);
            c.rollback(); // the survivor lets the other side finish
            return null;
        } catch (SQLException e) {
            rollbackQuietly(c);
            return e;
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the victim's transaction may already be gone; the connection is closed after the test
        }
    }

    @Test
    void errorOnATerminatedSessionIsBroken() throws SQLException {
        requireCapability(Capability.TERMINATES_SESSIONS);
        Connection c = open();
        db.terminate(db.sessionId(c));
        assertEquals(ErrorClass.BROKEN, backend.classify(failure(c, "SELECT 1")));
    }

    @Test
    void classifyAnswersForErrorsItHasNeverSeen() {
        SQLException looped = new SQLException("looped", "XX999");
        looped.setNextException(looped);
        for (SQLException e : List.of(new SQLException("bare"), new SQLException("no state", (String) null), looped)) {
            assertNotNull(backend.classify(e), "classify returned null for " + e);
        }
    }
}
