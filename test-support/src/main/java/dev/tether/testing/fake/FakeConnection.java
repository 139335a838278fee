package dev.tether.testing.fake;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC connection to nowhere, for the engine's unit tests: it remembers what was done to it and
 * fails on demand. SQL {@code "fail 42601"} throws an SQLException with that SQLSTATE; a killed
 * connection throws 08006 for everything; {@code "sleep 5"} takes 5 ms; {@code executeQuery("rows 3")} gives
 * three rows. Two threads inside one connection at once are counted as an overlap: the engine must never let
 * that happen.
 */
public final class FakeConnection implements InvocationHandler {
    public final long id;
    public final Connection jdbc;
    public final List<String> executed = new ArrayList<>();
    public volatile boolean closed;
    /** Runs on the thread that closes it, before it is closed: a test can see where closing happened. */
    public volatile Runnable onClose = () -> {
    };
    /**
     * Runs at the start of every call on a statement or result set of this connection other than close, isClosed and
     * unwrapping, with the method's name, before the driver looks whether the object is closed: a test can hold a call
     * there.
     */
    public volatile java.util.function.Consumer<String> beforeStatementCall = name -> {
    };
    /** The server side of the session: false once "killed". */
    public volatile boolean alive = true;
    public boolean autocommit = true;
    public int isolation = Connection.TRANSACTION_READ_COMMITTED;
    public boolean readOnly;
    public String schema = "public";
    public String catalog = "test";
    public int rollbacks;
    /** The thread of the last rollback, by JDBC or SQL. */
    public volatile Thread rolledBackBy;
    public int commits;
    /** Statements run since the last commit or rollback while autocommit was off. */
    public final List<String> uncommitted = new ArrayList<>();
    public boolean failResets;
    /** A transaction opened with SQL ("begin"), which JDBC does not see. */
    public boolean sqlTransaction;
    /** The statements and result sets made on this connection, open or closed. */
    public final FakeStatements statements = new FakeStatements(this);

    /** Threads inside this connection now; two at once means two owners, which {@link #overlaps} counts. */
    private final java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger overlaps;
    /** Statements executing their SQL now. */
    private final java.util.concurrent.atomic.AtomicInteger executing = new java.util.concurrent.atomic.AtomicInteger();

    FakeConnection(long id, java.util.concurrent.atomic.AtomicInteger overlaps) {
        this.id = id;
        this.overlaps = overlaps;
        this.jdbc = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class}, this);
    }

    public void kill() {
        alive = false;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws SQLException {
        String name = method.getName();
        if (name.equals("abort")) {
            alive = false; // JDBC's abort is meant to be called while another thread is inside
            return null;
        }
        if (name.equals("hashCode") || name.equals("equals") || name.equals("toString") || name.equals("isClosed")) {
            return call(proxy, name, args);
        }
        enter();
        try {
            return call(proxy, name, args);
        } finally {
            inside.decrementAndGet();
        }
    }

    /** How many statements are executing their SQL now (a thread creating one is inside, but not executing). */
    public int statementsExecuting() {
        return executing.get();
    }

    private void enter() {
        if (inside.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
    }

    private Object call(Object proxy, String name, Object[] args) throws SQLException {
        switch (name) {
            case "close" -> {
                onClose.run();
                closed = true;
                return null;
            }
            case "isClosed" -> {
                return closed;
            }
            case "toString" -> {
                return "FakeConnection#" + id;
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "equals" -> {
                return proxy == args[0];
            }
            default -> {
            }
        }
        if (closed) {
            throw new SQLException("connection closed", "08003");
        }
        if (!alive) {
            throw new SQLException("terminating connection due to administrator command", "08006");
        }
        return switch (name) {
            case "setAutoCommit" -> {
                if ((Boolean) args[0] && !autocommit) {
                    commitNow();
                }
                autocommit = (Boolean) args[0];
                yield null;
            }
            case "getAutoCommit" -> autocommit;
            case "commit" -> {
                commitNow();
                yield null;
            }
            case "rollback" -> {
                rollbacks++;
                rolledBackBy = Thread.currentThread();
                uncommitted.clear();
                yield null;
            }
            case "setTransactionIsolation" -> {
                resetCheck();
                isolation = (Integer) args[0];
                yield null;
            }
            case "getTransactionIsolation" -> isolation;
            case "setReadOnly" -> {
                resetCheck();
                readOnly = (Boolean) args[0];
                yield null;
            }
            case "isReadOnly" -> readOnly;
            case "setSchema" -> {
                resetCheck();
                schema = (String) args[0];
                yield null;
            }
            case "getSchema" -> schema;
            case "setCatalog" -> {
                resetCheck();
                catalog = (String) args[0];
                yield null;
            }
            case "getCatalog" -> catalog;
            case "nativeSQL" -> "connection-" + id; // which physical connection served: adapter tests check it
            case "getNetworkTimeout" -> 0;
            case "setNetworkTimeout" -> null;
            case "isValid" -> true;
            case "createStatement" -> statements.statement(Statement.class, null);
            case "prepareStatement" -> statements.statement(PreparedStatement.class, (String) args[0]);
            case "prepareCall" -> statements.statement(CallableStatement.class, (String) args[0]);
            case "getMetaData" -> statements.metaData();
            default -> throw new SQLException("FakeConnection does not support " + name);
        };
    }

    private void commitNow() {
        commits++;
        uncommitted.clear();
    }

    private void resetCheck() throws SQLException {
        if (failResets) {
            throw new SQLException("cannot change session state", "HY000");
        }
    }

    /** Runs one statement's SQL, as a thread inside this connection. */
    Object execute(String sql, String kind) throws SQLException {
        enter();
        executing.incrementAndGet();
        try {
            return run(sql, kind);
        } finally {
            executing.decrementAndGet();
            inside.decrementAndGet();
        }
    }

    /** "fail STATE" throws, "sleep N" waits N ms, "rows N" queries N rows; the rest is recorded. */
    private Object run(String sql, String kind) throws SQLException {
        if (closed) {
            throw new SQLException("connection closed", "08003");
        }
        if (!alive) {
            throw new SQLException("terminating connection due to administrator command", "08006");
        }
        if (sql.startsWith("sleep ")) {
            try {
                Thread.sleep(Long.parseLong(sql.substring(6).strip())); // widens the window for other threads
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", "57014");
            }
        }
        if (sql.startsWith("fail ")) {
            throw new SQLException("simulated failure", sql.substring(5).strip());
        }
        if (sql.equalsIgnoreCase("begin")) {
            sqlTransaction = true;
        } else if (sql.equalsIgnoreCase("rollback") || sql.equalsIgnoreCase("commit")) {
            sqlTransaction = false;
            uncommitted.clear();
            if (sql.equalsIgnoreCase("rollback")) {
                rollbacks++;
                rolledBackBy = Thread.currentThread();
            }
            return kind.equals("execute") ? (Object) Boolean.FALSE : (Object) 0;
        }
        executed.add(sql);
        if (!autocommit || sqlTransaction) {
            uncommitted.add(sql);
        }
        if (kind.equals("executeQuery")) {
            return sql.startsWith("rows ") ? Integer.parseInt(sql.substring(5).strip()) : 0; // rows the result set has
        }
        return kind.equals("execute") ? (Object) Boolean.FALSE : (Object) 0;
    }
}
