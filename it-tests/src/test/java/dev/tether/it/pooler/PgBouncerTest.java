package dev.tether.it.pooler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.ConfigurationException;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.api.Pooler;
import dev.tether.api.UnitOfWork;
import dev.tether.engine.Tether;
import dev.tether.testing.servers.PgBouncer;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import dev.tether.testing.servers.ServerPeak;
import dev.tether.testing.servers.Servers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tether through PgBouncer in session and transaction pooling mode, in both persistence modes, counted from the
 * real server's side (pg_stat_activity, this test's database only).
 */
@Timeout(120)
class PgBouncerTest {
    private static final int SESSION_POOL = 10;
    private static final int TRANSACTION_POOL = 3;
    private static final int WORKERS = 16;
    private static final int REQUESTS_EACH = 25;

    /** Where admin connections go: never counted. */
    private static final Server base = Servers.postgres();
    /** The test's own database: sessions other tests keep on the shared one are not counted. */
    private static Server server;
    private static PgBouncer sessionMode;
    private static PgBouncer transactionMode;

    @BeforeAll
    static void startPgBouncers() throws Exception {
        server = ServerAdmin.ownDatabase(base, "pgbouncer");
        sessionMode = PgBouncer.start(server, "session", SESSION_POOL);
        transactionMode = PgBouncer.start(server, "transaction", TRANSACTION_POOL);
    }

    @AfterAll
    static void stopPgBouncers() {
        if (sessionMode != null) {
            sessionMode.close();
        }
        if (transactionMode != null) {
            transactionMode.close();
        }
    }

    @BeforeEach
    void noSessionsLeft() throws SQLException {
        try (ServerAdmin admin = new ServerAdmin(base)) {
            // PgBouncer keeps idle server sessions; ending them makes each test's peak its own.
            admin.terminateAll(server.database());
        }
    }

    @ParameterizedTest
    @EnumSource(Persistence.class)
    void sessionModeKeepsOneServerSessionPerConnectionUnderTheCap(Persistence persistence) throws Exception {
        int cap = 4;
        try (Tether tether = tether(sessionMode, s -> s.pooler(Pooler.SESSION).persistence(persistence).maxConnections(cap));
             ServerPeak peak = ServerPeak.watch(base, server.database())) {
            Queue<Throwable> failures = load(tether, persistence, connection -> {
                try (Statement s = connection.createStatement()) {
                    long pid = backendPid(s);
                    s.execute("SET statement_timeout = '1234ms'"); // session state, kept until the request ends
                    try (ResultSet r = s.executeQuery("SHOW statement_timeout")) {
                        r.next();
                        assertEquals("1234ms", r.getString(1));
                    }
                    assertEquals(pid, backendPid(s), "the server session changed within one request");
                }
            });
            assertTrue(failures.isEmpty(), failures.toString());
            assertTrue(peak.peak() <= cap, "server peak " + peak.peak() + " above MAX_CONNECTIONS " + cap);
            assertTrue(peak.peak() > 0, "nothing reached the server");
        }
    }

    @ParameterizedTest
    @EnumSource(Persistence.class)
    void transactionModeServesMoreConnectionsThanServerSessions(Persistence persistence) throws Exception {
        int cap = 8;
        try (Tether tether = tether(transactionMode, s -> s.pooler(Pooler.TRANSACTION).persistence(persistence)
                .maxConnections(cap));
             ServerPeak peak = ServerPeak.watch(base, server.database())) {
            Queue<Throwable> failures = load(tether, persistence, connection -> {
                // More executions than pgjdbc's default prepareThreshold (5): only prepareThreshold=0 keeps them unnamed.
                try (PreparedStatement s = connection.prepareStatement("SELECT ?::int FROM pg_sleep(0.001)")) {
                    for (int i = 0; i < 6; i++) {
                        s.setInt(1, i);
                        try (ResultSet r = s.executeQuery()) {
                            r.next();
                            assertEquals(i, r.getInt(1));
                        }
                    }
                }
            });
            assertTrue(failures.isEmpty(), failures.size() + " requests failed, the first: " + failures.peek());
            assertTrue(peak.peak() <= TRANSACTION_POOL, "server peak " + peak.peak() + " above PgBouncer's pool "
                    + TRANSACTION_POOL);
            assertTrue(tether.stats("default").open() > TRANSACTION_POOL, "Tether opened " + tether.stats("default")
                    + ", no more than PgBouncer's pool: the test proves nothing");
        }
    }

    @ParameterizedTest
    @EnumSource(Persistence.class)
    void transactionModeRefusesSessionStateAndAllowsItsTransactionScopedForms(Persistence persistence) throws Exception {
        try (Tether tether = tether(transactionMode, s -> s.pooler(Pooler.TRANSACTION).persistence(persistence))) {
            asOwner(tether, persistence, () -> {
                try (UnitOfWork ignored = tether.begin(); Connection c = tether.connection("default");
                     Statement s = c.createStatement()) {
                    SQLException set = assertThrows(SQLException.class, () -> s.execute("SET statement_timeout = 0"));
                    assertTrue(set.getMessage().contains("[default] SET changes the server session"), set.getMessage());
                    assertTrue(set.getMessage().contains("use SET LOCAL"), set.getMessage());
                    assertThrows(SQLException.class, () -> s.execute("LISTEN jobs"));
                    assertThrows(SQLException.class, () -> c.prepareStatement("SELECT pg_advisory_lock(?)"));
                    assertThrows(SQLException.class, () -> c.setSchema("public"));
                    c.setAutoCommit(false);
                    s.execute("SET LOCAL statement_timeout = '4321ms'");
                    s.execute("SELECT pg_advisory_xact_lock(7)");
                    try (ResultSet r = s.executeQuery("SHOW statement_timeout")) {
                        r.next();
                        assertEquals("4321ms", r.getString(1));
                    }
                    c.commit();
                    c.setAutoCommit(true);
                }
                return null;
            });
        }
    }

    @Test
    void anotherPrepareThresholdBehindATransactionPoolerFailsAtStartUp() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> tether(transactionMode,
                s -> s.pooler(Pooler.TRANSACTION).option("prepareThreshold", "5")).close());
        assertTrue(error.getMessage().contains("OPTIONS.prepareThreshold"), error.getMessage());
        assertTrue(error.getMessage().contains("set it to 0"), error.getMessage());
    }

    private static Tether tether(PgBouncer bouncer, UnaryOperator<DatabaseSettings.Builder> settings) {
        Server through = bouncer.server();
        DatabaseSettings.Builder builder = DatabaseSettings.builder("default").engine("postgresql").host(through.host())
                .port(through.port()).name(through.database()).user(through.user()).password(through.password())
                .maxAge(DatabaseSettings.UNLIMITED);
        return Tether.builder().database(settings.apply(builder).build()).build();
    }

    @FunctionalInterface
    private interface Work {
        void on(Connection connection) throws Exception;
    }

    /** {@value #WORKERS} workers, each running {@value #REQUESTS_EACH} requests of {@code work}; returns the failures. */
    private static Queue<Throwable> load(Tether tether, Persistence persistence, Work work) throws InterruptedException {
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ThreadFactory threads = persistence == Persistence.CONTEXT
                ? tether.contextThreadFactory(Thread.ofVirtual().factory()) : Thread.ofPlatform().factory();
        try (ExecutorService workers = Executors.newFixedThreadPool(WORKERS, threads)) {
            for (int i = 0; i < WORKERS; i++) {
                workers.execute(() -> {
                    for (int r = 0; r < REQUESTS_EACH; r++) {
                        try (UnitOfWork ignored = tether.begin(); Connection c = tether.connection("default")) {
                            work.on(c);
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                });
            }
            workers.shutdown();
            assertTrue(workers.awaitTermination(60, TimeUnit.SECONDS), "the workers did not finish");
        }
        return failures;
    }

    /** Runs {@code task} on this thread (thread persistence) or as a context of its own (context persistence). */
    private static void asOwner(Tether tether, Persistence persistence, java.util.concurrent.Callable<Void> task)
            throws Exception {
        if (persistence == Persistence.CONTEXT) {
            tether.inContext(task);
        } else {
            task.call();
        }
    }

    private static long backendPid(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
            r.next();
            return r.getLong(1);
        }
    }
}
