package dev.tether.testing.servers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The server-side view the integration tests need, over one admin connection: dedicated databases, the sessions
 * connected to them, and killing sessions. Database names must be plain identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}).
 * The admin connection itself is never counted or killed. Not thread-safe: one instance per thread.
 */
public final class ServerAdmin implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration TERMINATE_WAIT = Duration.ofSeconds(5);

    private final Server server;
    private final Connection admin;

    public ServerAdmin(Server server) throws SQLException {
        this.server = server;
        this.admin = server.connect();
        this.admin.setAutoCommit(true); // pg_stat_activity is read once per transaction
    }

    public Server server() {
        return server;
    }

    /**
     * A database of the caller's own on {@code server}, empty: named after the fixture's database plus {@code suffix},
     * so runs against different databases of one shared server never meet.
     */
    public static Server ownDatabase(Server server, String suffix) throws SQLException {
        String name = server.database() + "_" + suffix;
        try (ServerAdmin admin = new ServerAdmin(server)) {
            admin.createDatabase(name);
        }
        return server.withDatabase(name);
    }

    /** Creates an empty database {@code name}, dropping it first (and ending its sessions) if it exists. */
    public void createDatabase(String name) throws SQLException {
        dropDatabase(name);
        execute("CREATE DATABASE " + quote(name));
    }

    /** Drops database {@code name} if it exists, ending its sessions first. */
    public void dropDatabase(String name) throws SQLException {
        if (server.isPostgres()) {
            execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)"); // terminates its sessions (PG 13+)
        } else {
            terminateAll(name);
            execute("DROP DATABASE IF EXISTS " + quote(name));
        }
    }

    /** How many client sessions are connected to {@code database} now. */
    public int connectionsTo(String database) throws SQLException {
        return sessionIds(database).size();
    }

    /** The ids of the client sessions connected to {@code database} (PostgreSQL backend pids, MySQL thread ids). */
    public List<Long> sessionIds(String database) throws SQLException {
        var sql = server.isPostgres()
                ? "SELECT pid FROM pg_stat_activity WHERE datname = ? AND backend_type = 'client backend'"
                        + " AND pid <> pg_backend_pid() ORDER BY pid"
                : "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()"
                        + " AND COMMAND NOT IN ('Daemon', 'Killed') ORDER BY ID";
        try (var ps = admin.prepareStatement(sql)) {
            ps.setString(1, checked(database));
            try (var rs = ps.executeQuery()) {
                var ids = new ArrayList<Long>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids;
            }
        }
    }

    /**
     * Polls {@link #connectionsTo} until it equals {@code expected} or {@code timeout} passes; returns the last
     * count, so {@code assertEquals(expected, awaitConnectionsTo(...))} reports what was seen.
     */
    public int awaitConnectionsTo(String database, int expected, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int count = connectionsTo(database);
            if (count == expected || System.nanoTime() - deadline >= 0) {
                return count;
            }
            sleep(POLL);
        }
    }

    /**
     * Kills one session the way an operator or a failover would ({@code pg_terminate_backend}, {@code KILL}) and
     * waits until the server no longer lists it; its next statement fails with an {@link SQLException}.
     */
    public void terminate(long sessionId) throws SQLException {
        if (server.isPostgres()) {
            try (var ps = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
                ps.setInt(1, Math.toIntExact(sessionId));
                try (var rs = ps.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        throw new SQLException("no PostgreSQL session " + sessionId + " to terminate");
                    }
                }
            }
        } else {
            execute("KILL " + sessionId);
        }
        long deadline = System.nanoTime() + TERMINATE_WAIT.toNanos();
        while (exists(sessionId)) {
            if (System.nanoTime() - deadline >= 0) {
                throw new SQLException("session " + sessionId + " still listed " + TERMINATE_WAIT + " after the kill");
            }
            sleep(POLL);
        }
    }

    /** Kills every client session connected to {@code database}; returns how many were killed. */
    public int terminateAll(String database) throws SQLException {
        int killed = 0;
        for (long id : sessionIds(database)) {
            try {
                terminate(id);
                killed++;
            } catch (SQLException gone) {
                // the session ended by itself between listing and killing
            }
        }
        return killed;
    }

    /** The server's id of the session behind {@code c}, as listed by {@link #sessionIds}. */
    public static long currentSessionId(Connection c) throws SQLException {
        var postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        try (var s = c.createStatement();
                var rs = s.executeQuery(postgres ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The SQL a session runs on itself to be disconnected by the server after {@code idle} without a statement:
     * PostgreSQL {@code SET idle_session_timeout} (PG 14+, milliseconds), MySQL/MariaDB
     * {@code SET SESSION wait_timeout} (whole seconds, rounded up, at least 1).
     */
    public static String idleTimeoutStatement(String engine, Duration idle) {
        if (Server.POSTGRESQL.equals(engine)) {
            return "SET idle_session_timeout = " + Math.max(1, idle.toMillis());
        }
        long seconds = Math.max(1, idle.plusNanos(999_999_999).toSeconds());
        return "SET SESSION wait_timeout = " + seconds;
    }

    @Override
    public void close() throws SQLException {
        admin.close();
    }

    private boolean exists(long sessionId) throws SQLException {
        var sql = server.isPostgres()
                ? "SELECT 1 FROM pg_stat_activity WHERE pid = ?"
                : "SELECT 1 FROM information_schema.PROCESSLIST WHERE ID = ?";
        try (var ps = admin.prepareStatement(sql)) {
            ps.setLong(1, sessionId);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (var s = admin.createStatement()) {
            s.execute(sql);
        }
    }

    private String quote(String name) {
        var q = server.isPostgres() ? "\"" : "`";
        return q + checked(name) + q;
    }

    private static String checked(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        return name;
    }

    private static void sleep(Duration d) throws SQLException {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
    }
}
