package dev.tether.it.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.api.PoolStats;
import dev.tether.api.UnitOfWork;
import dev.tether.engine.Tether;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import dev.tether.testing.servers.ServerPeak;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A contract run against one real server, in a database of its own: every connection the server lists for
 * that database is the test's, so counts taken from the server's side can be attributed. A subclass per
 * server passes {@code Servers.postgres()} or {@code Servers.mysql()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a hang fails the test instead of the build
abstract class ServerContract {
    static final String ALIAS = "orders";
    static final Duration AWAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(10);

    final Dialect dialect;
    /** Where the admin connections go: the server's own database, so they are never counted. */
    private final Server adminServer;
    /** The server, pointed at the test's own database. */
    final Server server;
    final String database;
    ServerAdmin admin;

    ServerContract(Server server) {
        this.dialect = Dialect.of(server);
        this.adminServer = server;
        this.database = "tether_ctx_" + getClass().getSimpleName().toLowerCase(Locale.ROOT);
        this.server = server.withDatabase(database);
    }

    @BeforeAll
    void createDatabase() throws SQLException {
        admin = new ServerAdmin(adminServer);
        admin.createDatabase(database);
    }

    @BeforeEach
    void noConnectionLeftByAnEarlierTest() throws SQLException {
        assertEquals(0, admin.awaitConnectionsTo(database, 0, AWAIT), "connections to " + database + " before the test");
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        try (ServerAdmin closing = admin) {
            closing.dropDatabase(database);
        }
    }

    /** Settings for {@link #ALIAS} on the test's database; {@code settings} adds what the test is about. */
    DatabaseSettings settings(UnaryOperator<DatabaseSettings.Builder> settings) {
        return settings.apply(DatabaseSettings.builder(ALIAS).engine(server.engine()).host(server.host())
                .port(server.port()).name(database).user(server.user()).password(server.password())).build();
    }

    Tether tether(UnaryOperator<DatabaseSettings.Builder> settings, UnaryOperator<Tether.Builder> engine) {
        return engine.apply(Tether.builder().database(settings(settings))).build();
    }

    Tether tether(UnaryOperator<DatabaseSettings.Builder> settings) {
        return tether(settings, UnaryOperator.identity());
    }

    @FunctionalInterface
    interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    /**
     * One request on the calling thread, holding a connection for {@code work}: a unit of work (thread
     * persistence: the thread is the owner) or a context of its own (context persistence).
     */
    static <T> T request(Tether tether, Persistence persistence, Work<T> work) throws Exception {
        if (persistence == Persistence.THREAD) {
            try (UnitOfWork _ = tether.begin(); Connection c = tether.connection(ALIAS)) {
                return work.on(c);
            }
        }
        return tether.inContext(() -> {
            try (Connection c = tether.connection(ALIAS)) {
                return work.on(c);
            }
        });
    }

    /**
     * One unit of work on the calling thread with no handle of its own, for work that takes its handles itself:
     * {@code begin()} (thread persistence) or a context of its own (context persistence).
     */
    static void unit(Tether tether, Persistence persistence, java.util.concurrent.Callable<?> work) throws Exception {
        if (persistence == Persistence.THREAD) {
            try (UnitOfWork _ = tether.begin()) {
                work.call();
            }
        } else {
            tether.inContext(work);
        }
    }

    /** Starts sampling the server's connection count for the test's database every 20 ms. */
    ServerPeak watchServer() throws SQLException {
        return ServerPeak.watch(adminServer, database);
    }

    int serverConnections() throws SQLException {
        return admin.connectionsTo(database);
    }

    static void assertPeakWithinCap(ServerPeak peak, int cap) throws SQLException {
        assertTrue(peak.peak() <= cap, "the server saw " + peak.peak() + " connections at once, cap " + cap);
    }

    /** Tether keeps no connection the server does not list, and the server lists none Tether forgot. */
    void assertServerHasExactlyTethersConnections(PoolStats stats) throws SQLException {
        assertEquals(stats.open(), serverConnections(), "server-side connections; Tether's view: " + stats);
    }

    void assertNoConnectionLeftAfterClose() throws SQLException {
        assertEquals(0, admin.awaitConnectionsTo(database, 0, AWAIT), "connections left open after close()");
    }

    /**
     * Threads that are each an owner: platform threads for thread persistence; for context persistence
     * without an adapter, virtual threads, each of them a context.
     */
    static ThreadFactory ownerThreads(Persistence persistence) {
        return persistence == Persistence.THREAD ? Thread.ofPlatform().factory() : Thread.ofVirtual().factory();
    }

    /** Polls the alias's stats until {@code condition} holds; returns the last stats, for the assertion. */
    static PoolStats awaitStats(Tether tether, Predicate<PoolStats> condition) throws InterruptedException {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (true) {
            PoolStats stats = tether.stats(ALIAS);
            if (condition.test(stats) || System.nanoTime() - deadline >= 0) {
                return stats;
            }
            Thread.sleep(POLL);
        }
    }

    static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
