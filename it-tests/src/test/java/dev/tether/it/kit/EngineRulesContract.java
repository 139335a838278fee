package dev.tether.it.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.CloseReason;
import dev.tether.api.ConnectionEvent;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.api.TetherListener;
import dev.tether.api.ThreadSharingException;
import dev.tether.api.UnitOfWork;
import dev.tether.backend.kit.KitDatabase;
import dev.tether.engine.Tether;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every engine rule, run through a backend on a real server: the engine's side of what
 * {@link dev.tether.backend.kit.BackendKit} proves about the backend alone. Its hooks are the kit's
 * {@link KitDatabase}, so one class per database answers both.
 */
public abstract class EngineRulesContract {
    private final List<Tether> started = new ArrayList<>();
    /** The engines' clock, moved by hand where a test needs a connection to age. */
    private final AtomicLong clock = new AtomicLong();
    private KitDatabase db;

    /** The database and backend to run the engine on. */
    protected abstract KitDatabase database();

    private DatabaseSettings.Builder settings(String alias) {
        if (db == null) {
            db = database();
        }
        return db.settings(alias);
    }

    private long sessionId(Connection c) throws SQLException {
        return db.sessionId(c);
    }

    protected final Tether tether(UnaryOperator<DatabaseSettings.Builder> customise) {
        Tether tether = Tether.builder().database(customise.apply(settings("default")).build()).ticker(clock::get).build();
        started.add(tether);
        return tether;
    }

    @BeforeEach
    final void createTable() throws Exception {
        Tether setup = tether(s -> s.maxAge(Duration.ZERO));
        try (UnitOfWork ignored = setup.begin(); Connection c = setup.connection("default"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS kit_item");
            s.execute("CREATE TABLE kit_item (id INT PRIMARY KEY, code VARCHAR(3))");
        }
    }

    @AfterEach
    final void closeEngines() {
        started.forEach(Tether::close);
    }

    /** One request: the session it ran on, after running {@code sql}. */
    private long request(Tether tether, String sql) throws SQLException {
        try (UnitOfWork ignored = tether.begin(); Connection c = tether.connection("default")) {
            if (sql != null) {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                }
            }
            return sessionId(c);
        }
    }

    private long request(Tether tether) throws SQLException {
        return request(tether, null);
    }

    @Test
    void requestsOnOneThreadShareOnePhysicalConnection() throws SQLException {
        Tether tether = tether(s -> s.maxAge(Duration.ofMinutes(5)));
        Set<Long> sessions = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            sessions.add(request(tether));
        }
        assertEquals(1, sessions.size());
        assertEquals(1, tether.stats("default").opened());
    }

    @Test
    void maxAgeZeroOpensOneConnectionPerRequest() throws SQLException {
        Tether tether = tether(s -> s.maxAge(Duration.ZERO));
        Set<Long> sessions = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            sessions.add(request(tether));
        }
        assertEquals(5, sessions.size());
        assertEquals(0, tether.stats("default").open());
    }

    @Test
    void connectionCreatedFiresOncePerPhysicalConnection() throws SQLException {
        List<String> events = new CopyOnWriteArrayList<>();
        Tether tether = tether(s -> s.maxAge(DatabaseSettings.UNLIMITED));
        tether.subscribe(new TetherListener() {
            @Override
            public void connectionCreated(ConnectionEvent connection) {
                events.add("created");
            }
        });
        for (int i = 0; i < 3; i++) {
            request(tether);
        }
        assertEquals(List.of("created"), events);
    }

    @Test
    void dataAndIntegrityErrorsKeepTheConnection() throws SQLException {
        Tether tether = tether(s -> s.maxAge(DatabaseSettings.UNLIMITED));
        long first = request(tether, "INSERT INTO kit_item VALUES (1, 'a')");
        try (UnitOfWork ignored = tether.begin(); Connection c = tether.connection("default");
             Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO kit_item VALUES (1, 'b')"));
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO kit_item VALUES (2, 'toolong')"));
            assertFalse(tether.wrapper("default").errorsOccurred(), "data and integrity errors are the data's fault");
        }
        assertEquals(first, request(tether));
    }

    @Test
    void otherErrorsAreCheckedAtTheBoundaryAndAHealthyConnectionKept() throws SQLException {
        Tether tether = tether(s -> s.maxAge(DatabaseSettings.UNLIMITED));
        long first = request(tether);
        try (UnitOfWork ignored = tether.begin(); Connection c = tether.connection("default");
             Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.execute("SELEC 1"));
            assertTrue(tether.wrapper("default").errorsOccurred());
        }
        assertFalse(tether.wrapper("default").errorsOccurred());
        assertEquals(first, request(tether));
    }

    @Test
    void killedSessionCostsAtMostOneRequestWithoutHealthChecks() throws SQLException {
        Tether tether = tether(s -> s.maxAge(DatabaseSettings.UNLIMITED).healthChecks(false));
        long first = request(tether);
        db.terminate(first);
        int failed = 0;
        for (int i = 0; i < 3; i++) {
            try {
                assertNotEquals(first, request(tether, "SELECT 1"));
            } catch (SQLException e) {
                failed++;
            }
        }
        assertTrue(failed <= 1, failed + " requests failed");
    }

    @Test
    void killedSessionCostsNoRequestWithHealthChecks() throws SQLException {
        Tether tether = tether(s -> s.maxAge(DatabaseSettings.UNLIMITED).healthChecks(true));
        long first = request(tether);
        db.terminate(first);
        assertNotEquals(first, request(tether, "SELECT 1"));
    }

    @Test
    void serverIdleTimeoutBetweenRequestsCostsNoRequestWithHealthChecks() throws Exception {
        Tether tether = tether(s -> s.maxAge(DatabaseSettings.UNLIMITED).healthChecks(true));
        long first = request(tether, db.idleTimeoutStatement(Duration.ofSeconds(1)));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (db.sessionExists(first) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L); // polling the server; it cannot notify us
        }
        assertFalse(db.sessionExists(first), "the server closed the idle session");
        assertNotEquals(first, request(tether, "SELECT 1"));
    }

    @Test
    void autocommitLeftOffDropsTheConnection() throws SQLException {
        Tether tether = tether(s -> s.maxAge(DatabaseSettings.UNLIMITED));
        long first;
        try (UnitOfWork ignored = tether.begin(); Connection c = tether.connection("default")) {
            c.setAutoCommit(false);
            first = sessionId(c);
        }
        assertNotEquals(first, request(tether));
    }

    @Test
    void expiredConnectionIsReplacedAtTheNextRequest() throws Exception {
        Tether tether = tether(s -> s.maxAge(Duration.ofSeconds(60)));
        long first = request(tether);
        clock.addAndGet(Duration.ofSeconds(59).toNanos());
        assertEquals(first, request(tether));
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertNotEquals(first, request(tether));
    }

    @Test
    void openTransactionIsRolledBackAndTheNextRequestSeesACleanSession() throws SQLException {
        List<String> rolledBack = new CopyOnWriteArrayList<>();
        Tether tether = tether(s -> s.maxAge(DatabaseSettings.UNLIMITED).autocommit(false));
        tether.subscribe(new TetherListener() {
            @Override
            public void transactionRolledBack(ConnectionEvent connection) {
                rolledBack.add(connection.alias());
            }
        });
        long first = request(tether, "INSERT INTO kit_item VALUES (7, 'x')");
        assertEquals(List.of("default"), rolledBack);
        try (UnitOfWork ignored = tether.begin(); Connection c = tether.connection("default");
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM kit_item WHERE id = 7");
             ResultSet rs = s.executeQuery()) {
            assertEquals(first, sessionId(c));
            rs.next();
            assertEquals(0, rs.getInt(1));
            c.commit();
        }
    }

    @Test
    void changedIsolationAndReadOnlyAreResetForTheNextRequest() throws SQLException {
        Tether tether = tether(s -> s.maxAge(DatabaseSettings.UNLIMITED));
        int isolation;
        long first;
        try (UnitOfWork ignored = tether.begin(); Connection c = tether.connection("default")) {
            isolation = c.getTransactionIsolation();
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            c.setReadOnly(true);
            first = sessionId(c);
        }
        try (UnitOfWork ignored = tether.begin(); Connection c = tether.connection("default");
             Statement s = c.createStatement()) {
            assertEquals(first, sessionId(c));
            assertEquals(isolation, c.getTransactionIsolation());
            assertFalse(c.isReadOnly());
            s.execute("INSERT INTO kit_item VALUES (8, 'w')"); // a read-only session would refuse this
        }
    }

    @Test
    void handleFromAnEndedRequestIsAClosedStandIn() throws SQLException {
        Tether tether = tether(s -> s.maxAge(DatabaseSettings.UNLIMITED));
        Connection kept;
        try (UnitOfWork ignored = tether.begin()) {
            kept = tether.connection("default");
        }
        assertTrue(kept.isClosed());
        SQLException error = assertThrows(SQLException.class, kept::createStatement);
        assertTrue(error.getMessage().contains("[default]"));
    }

    @Test
    void wrapperUsedFromAnotherThreadFails() throws Exception {
        Tether tether = tether(s -> s.maxAge(DatabaseSettings.UNLIMITED));
        try (UnitOfWork ignored = tether.begin(); Connection c = tether.connection("default")) {
            ExecutionException error = assertThrows(ExecutionException.class,
                    () -> CompletableFuture.runAsync(() -> {
                        try {
                            c.createStatement();
                        } catch (SQLException e) {
                            throw new AssertionError(e);
                        }
                    }).get());
            assertTrue(error.getCause() instanceof ThreadSharingException, String.valueOf(error.getCause()));
        }
    }

    @Test
    void contextsReuseOneConnectionThroughTheReservoir() throws Exception {
        Tether tether = tether(s -> s.maxAge(DatabaseSettings.UNLIMITED).persistence(Persistence.CONTEXT));
        Set<Long> sessions = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            sessions.add(tether.inContext(() -> {
                try (Connection c = tether.connection("default")) {
                    return sessionId(c);
                }
            }));
        }
        assertEquals(1, sessions.size());
    }

    @Test
    void dataSourceServesThePersistentConnection() throws SQLException {
        Tether tether = tether(s -> s.maxAge(DatabaseSettings.UNLIMITED));
        long first = request(tether);
        try (UnitOfWork ignored = tether.begin(); Connection c = tether.dataSource("default").getConnection()) {
            assertEquals(first, sessionId(c));
        }
    }

    @Test
    void isUsableIsTrueOnALiveSessionAndFalseOnAKilledOneWithoutThrowing() throws SQLException {
        Tether tether = tether(s -> s.maxAge(DatabaseSettings.UNLIMITED));
        try (UnitOfWork ignored = tether.begin()) {
            long session;
            try (Connection c = tether.connection("default")) {
                session = sessionId(c);
            }
            assertTrue(tether.wrapper("default").isUsable());
            db.terminate(session);
            assertFalse(tether.wrapper("default").isUsable());
        }
    }

    @Test
    void badCredentialsFailClearlyWithoutThePassword() {
        DatabaseSettings.Builder bad = db.withBadCredentials(settings("default")).connectTimeout(Duration.ofSeconds(5));
        String password = bad.build().password();
        Tether tether = Tether.builder().database(bad.build()).build();
        started.add(tether);
        SQLException error = assertThrows(SQLException.class, () -> tether.connection("default"));
        assertConnectError(error, bad.build());
        if (!password.isEmpty()) {
            assertFalse(error.getMessage().contains(password), error.getMessage());
        }
    }

    @Test
    void unknownDatabaseFailsClearly() {
        DatabaseSettings settings = settings("default").name("tether_no_such_database").build();
        Tether tether = Tether.builder().database(settings).build();
        started.add(tether);
        SQLException error = assertThrows(SQLException.class, () -> tether.connection("default"));
        assertConnectError(error, settings);
        assertTrue(error.getMessage().contains("tether_no_such_database"), error.getMessage());
    }

    @Test
    void nothingListeningFailsClearlyAndPromptly() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DatabaseSettings settings = settings("default").host("127.0.0.1").port(port)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Tether tether = Tether.builder().database(settings).build();
        started.add(tether);
        SQLException error = assertThrows(SQLException.class, () -> tether.connection("default"));
        assertConnectError(error, settings);
        assertTrue(error.getMessage().contains(String.valueOf(port)), error.getMessage());
    }

    @Test
    void serverThatAcceptsButNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                List<java.net.Socket> held = new ArrayList<>();
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            DatabaseSettings settings = settings("default").host("127.0.0.1").port(silent.getLocalPort())
                    .connectTimeout(Duration.ofSeconds(2)).build();
            Tether tether = Tether.builder().database(settings).build();
            started.add(tether);
            CompletableFuture<SQLException> attempt = CompletableFuture.supplyAsync(() -> {
                try {
                    tether.connection("default");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            SQLException error = attempt.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertConnectError(error, settings);
            silent.close();
            acceptor.join();
        }
    }

    private static void assertConnectError(SQLException error, DatabaseSettings settings) {
        String message = String.valueOf(error == null ? null : error.getMessage());
        assertTrue(message.contains("[default]"), message);
        assertTrue(message.contains(settings.host().isEmpty() ? "localhost" : settings.host()), message);
        assertTrue(message.contains("'" + settings.user() + "'"), message);
    }

    @Test
    void closeReasonsAreReported() throws SQLException {
        List<CloseReason> reasons = new CopyOnWriteArrayList<>();
        Tether tether = tether(s -> s.maxAge(Duration.ZERO));
        tether.subscribe(new TetherListener() {
            @Override
            public void connectionClosed(ConnectionEvent connection, CloseReason reason) {
                reasons.add(reason);
            }
        });
        request(tether);
        assertEquals(List.of(CloseReason.MAX_AGE), reasons);
    }
}
