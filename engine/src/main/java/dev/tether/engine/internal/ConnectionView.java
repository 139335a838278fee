package dev.tether.engine.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * What callers get: a handle on the owner's persistent connection. {@code close()} releases the handle,
 * not the connection; errors are classified; session changes are tracked for reset. It carries the stamp its
 * connection had when it was made (see {@link Physical}): once the connection moved on (its unit ended, it was
 * retired or taken back) the handle is a closed stand-in. Every call is counted in flight while it runs, so
 * nobody settles or hands over the connection under it.
 */
final class ConnectionView implements Connection {
    private static final VarHandle CLOSED;

    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(ConnectionView.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Wrapper wrapper;
    private final Physical physical;
    private final long stamp;
    /** Set under the wrapper's lock by a release store: the lock orders it; a fence of its own would cost 10 ns. */
    private volatile boolean closed;

    ConnectionView(Wrapper wrapper, Physical physical, long stamp) {
        this.wrapper = wrapper;
        this.physical = physical;
        this.stamp = stamp;
    }

    @FunctionalInterface
    private interface Call<T> {
        T on(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface Run {
        void on(Connection c) throws SQLException;
    }

    private boolean live() {
        return !closed && physical.stamp() == stamp;
    }

    private SQLException closedError() {
        return new SQLException("[" + wrapper.alias() + "] connection is closed: this handle was closed, its unit of "
                + "work ended or its connection was retired; get a new one from Tether", "08003");
    }

    /** The physical connection, if this handle is still live (a check only: nothing is counted in flight). */
    Connection open() throws SQLException {
        if (!live()) {
            throw closedError();
        }
        wrapper.validateThreadSharing();
        return physical.jdbc;
    }

    /** The physical connection, with this call counted in flight until {@link #exit()}; fails if the handle is dead. */
    Connection enter() throws SQLException {
        wrapper.validateThreadSharing();
        if (closed || !physical.enter(stamp)) {
            throw closedError();
        }
        return physical.jdbc;
    }

    void exit() {
        physical.exit();
    }

    /** A statement starts (null: ends) executing; shutdown past its grace cancels it on the server. */
    void executing(Statement statement) {
        physical.executing(statement);
    }

    SQLException failed(SQLException error) {
        return wrapper.record(physical, error);
    }

    /**
     * An error from a call that was checked ({@link #open()}) but not counted in flight. The connection may have been
     * settled and handed on meanwhile (a unit ending on another thread does not wait for such a call), and then the
     * error, likely "statement closed" as the settle closed it, must not mark the next holder's connection: it is
     * recorded counted in flight, if this handle still stands; otherwise the caller learns that the handle closed.
     */
    SQLException failedUncounted(SQLException error) {
        if (closed || !physical.enter(stamp)) {
            SQLException gone = closedError();
            gone.initCause(error);
            return gone;
        }
        try {
            return failed(error);
        } finally {
            physical.exit();
        }
    }

    void statementRan() {
        wrapper.statementRan(physical);
    }

    private <T> T call(Call<T> call) throws SQLException {
        Connection c = enter();
        try {
            return call.on(c);
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            exit();
        }
    }

    private void run(Run run) throws SQLException {
        Connection c = enter();
        try {
            run.on(c);
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            exit();
        }
    }

    private <T> T statement(Call<T> create, Class<T> type) throws SQLException {
        return call(c -> physical.openStatements.track(create.on(c), type, this)); // listed while counted in flight
    }

    /** Refuses SQL that would leave session state behind a transaction-mode pooler; statements call it too. */
    void checkSql(String sql) throws SQLException {
        PoolerGuard.checkSql(wrapper.settings(), sql);
    }

    @Override
    public void close() {
        if (!closed) {
            wrapper.viewClosed(this, physical, stamp);
        }
    }

    /** Under the wrapper's lock, so a handle closed on two threads at once counts once: true for the one that did. */
    boolean markClosed() {
        if (closed) {
            return false;
        }
        CLOSED.setRelease(this, true);
        return true;
    }

    @Override
    public boolean isClosed() {
        return !live();
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        return live() && call(c -> c.isValid(timeout));
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        run(c -> c.setAutoCommit(autoCommit));
        physical.autocommit = autoCommit;
        if (autoCommit) {
            wrapper.transactionEnded(physical); // switching autocommit on commits
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return call(Connection::getAutoCommit);
    }

    @Override
    public void commit() throws SQLException {
        run(Connection::commit);
        wrapper.transactionEnded(physical);
    }

    @Override
    public void rollback() throws SQLException {
        run(Connection::rollback);
        wrapper.transactionEnded(physical);
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        run(c -> c.rollback(savepoint));
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        PoolerGuard.checkSessionChange(wrapper.settings(), "setTransactionIsolation");
        run(c -> {
            physical.session.beforeIsolationChange(c);
            c.setTransactionIsolation(level);
        });
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return call(Connection::getTransactionIsolation);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        PoolerGuard.checkSessionChange(wrapper.settings(), "setReadOnly");
        run(c -> {
            physical.session.beforeReadOnlyChange(c);
            c.setReadOnly(readOnly);
        });
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return call(Connection::isReadOnly);
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        PoolerGuard.checkSessionChange(wrapper.settings(), "setCatalog");
        run(c -> {
            physical.session.beforeCatalogChange(c);
            c.setCatalog(catalog);
        });
    }

    @Override
    public String getCatalog() throws SQLException {
        return call(Connection::getCatalog);
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        PoolerGuard.checkSessionChange(wrapper.settings(), "setSchema");
        run(c -> {
            physical.session.beforeSchemaChange(c);
            c.setSchema(schema);
        });
        statementRan(); // PostgreSQL runs SET search_path, inside the transaction when autocommit is off
    }

    @Override
    public String getSchema() throws SQLException {
        return call(Connection::getSchema);
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        run(c -> {
            physical.session.beforeNetworkTimeoutChange(c);
            c.setNetworkTimeout(executor, milliseconds);
        });
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return call(Connection::getNetworkTimeout);
    }

    @Override
    public Statement createStatement() throws SQLException {
        return statement(Connection::createStatement, Statement.class);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return statement(c -> c.createStatement(resultSetType, resultSetConcurrency), Statement.class);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return statement(c -> c.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability),
                Statement.class);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkSql(sql);
        return statement(c -> c.prepareStatement(sql), PreparedStatement.class);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        checkSql(sql);
        return statement(c -> c.prepareStatement(sql, resultSetType, resultSetConcurrency), PreparedStatement.class);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
                                              int resultSetHoldability) throws SQLException {
        checkSql(sql);
        return statement(c -> c.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability),
                PreparedStatement.class);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        checkSql(sql);
        return statement(c -> c.prepareStatement(sql, autoGeneratedKeys), PreparedStatement.class);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        checkSql(sql);
        return statement(c -> c.prepareStatement(sql, columnIndexes), PreparedStatement.class);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        checkSql(sql);
        return statement(c -> c.prepareStatement(sql, columnNames), PreparedStatement.class);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        checkSql(sql);
        return statement(c -> c.prepareCall(sql), CallableStatement.class);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        checkSql(sql);
        return statement(c -> c.prepareCall(sql, resultSetType, resultSetConcurrency), CallableStatement.class);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
                                         int resultSetHoldability) throws SQLException {
        checkSql(sql);
        return statement(c -> c.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability),
                CallableStatement.class);
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return statement(Connection::getMetaData, DatabaseMetaData.class);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return call(c -> c.nativeSQL(sql));
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return call(Connection::getWarnings);
    }

    @Override
    public void clearWarnings() throws SQLException {
        run(Connection::clearWarnings);
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return call(Connection::getTypeMap);
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        run(c -> c.setTypeMap(map));
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        run(c -> c.setHoldability(holdability));
    }

    @Override
    public int getHoldability() throws SQLException {
        return call(Connection::getHoldability);
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return call(Connection::setSavepoint);
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return call(c -> c.setSavepoint(name));
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        run(c -> c.releaseSavepoint(savepoint));
    }

    @Override
    public Clob createClob() throws SQLException {
        return call(Connection::createClob);
    }

    @Override
    public Blob createBlob() throws SQLException {
        return call(Connection::createBlob);
    }

    @Override
    public NClob createNClob() throws SQLException {
        return call(Connection::createNClob);
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return call(Connection::createSQLXML);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        try {
            run(c -> c.setClientInfo(name, value));
        } catch (SQLClientInfoException e) {
            throw e;
        } catch (SQLException e) {
            throw new SQLClientInfoException(e.getMessage(), Map.of(), e);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        try {
            run(c -> c.setClientInfo(properties));
        } catch (SQLClientInfoException e) {
            throw e;
        } catch (SQLException e) {
            throw new SQLClientInfoException(e.getMessage(), Map.of(), e);
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return call(c -> c.getClientInfo(name));
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return call(Connection::getClientInfo);
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return call(c -> c.createArrayOf(typeName, elements));
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return call(c -> c.createStruct(typeName, attributes));
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        close(); // the physical connection belongs to Tether; abandoning the handle is all a caller may do
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : call(c -> c.unwrap(iface));
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || call(c -> c.isWrapperFor(iface));
    }

    @Override
    public String toString() {
        return "Tether connection [" + wrapper.alias() + "] #" + physical.id + (live() ? "" : " (closed)");
    }
}
