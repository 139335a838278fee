package dev.tether.engine.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * A statement handed out through a {@link ConnectionView}, as a plain delegate of the driver's (no
 * reflection: a call costs what the driver's does, plus the checks below). Each call is counted in flight on
 * its connection ({@link ConnectionView#enter}; for a prepared statement's plain setters see
 * {@link TrackedPreparedStatement}), which fails once the handle is closed: a statement may not
 * outlive the handle it came from, nor run while its connection is being settled. {@code execute*} also
 * marks a transaction open when autocommit is off and tells shutdown what to cancel; SQL given to a plain
 * statement is checked against a transaction-mode pooler before the call enters. Every SQLException
 * from the driver is classified through {@link ConnectionView#failed}; result sets are wrapped and lead
 * back to this statement. It is listed in its connection's {@link OpenStatements} until closed.
 * <p>
 * Below the first methods, every method is the same mechanical delegation, one per JDBC method.
 */
class TrackedStatement<S extends Statement> extends OpenStatements.Entry implements Statement {
    final S delegate;
    final ConnectionView view;
    /** The driver's last result set and its wrapper, so asking twice gives the same object and no garbage. */
    private ResultSet lastMade;
    private TrackedResultSet lastWrapped;

    TrackedStatement(S delegate, ConnectionView view) {
        this.delegate = delegate;
        this.view = view;
    }

    final void checkOpen() throws SQLException {
        view.open();
    }

    /** Before an execute: counted in flight, a transaction marked open, and known to shutdown for cancelling. */
    final void executing() throws SQLException {
        view.enter();
        view.statementRan();
        view.executing(delegate);
    }

    /** After an execute, whatever its outcome. */
    final void executed() {
        view.executing(null);
        view.exit();
    }

    final ResultSet resultSet(ResultSet made) {
        if (made == null) {
            return null;
        }
        if (made != lastMade) {
            lastWrapped = new TrackedResultSet(made, view, this);
            lastMade = made;
        }
        return lastWrapped;
    }

    @Override
    final void closeDriverObjectQuietly() {
        Delegates.closeQuietly(delegate);
    }

    @Override
    public final void close() throws SQLException {
        unlist();
        try {
            delegate.close();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public final boolean isClosed() throws SQLException {
        try {
            return delegate.isClosed();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public final Connection getConnection() throws SQLException {
        checkOpen();
        return view;
    }

    @Override
    public final <T> T unwrap(Class<T> iface) throws SQLException {
        checkOpen();
        return Delegates.unwrap(this, delegate, iface, view);
    }

    @Override
    public final boolean isWrapperFor(Class<?> iface) throws SQLException {
        checkOpen();
        return Delegates.isWrapperFor(this, delegate, iface, view);
    }

    @Override
    public final String toString() {
        return delegate.toString();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        view.checkSql(sql);
        view.enter();
        try {
            delegate.addBatch(sql);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void cancel() throws SQLException {
        view.enter();
        try {
            delegate.cancel();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void clearBatch() throws SQLException {
        view.enter();
        try {
            delegate.clearBatch();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void clearWarnings() throws SQLException {
        view.enter();
        try {
            delegate.clearWarnings();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        view.enter();
        try {
            delegate.closeOnCompletion();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        view.enter();
        try {
            return delegate.enquoteIdentifier(identifier, alwaysQuote);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String enquoteLiteral(String val) throws SQLException {
        view.enter();
        try {
            return delegate.enquoteLiteral(val);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String enquoteNCharLiteral(String val) throws SQLException {
        view.enter();
        try {
            return delegate.enquoteNCharLiteral(val);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        view.checkSql(sql);
        executing();
        try {
            return delegate.execute(sql);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        view.checkSql(sql);
        executing();
        try {
            return delegate.execute(sql, columnIndexes);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        view.checkSql(sql);
        executing();
        try {
            return delegate.execute(sql, columnNames);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        view.checkSql(sql);
        executing();
        try {
            return delegate.execute(sql, autoGeneratedKeys);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public int[] executeBatch() throws SQLException {
        executing();
        try {
            return delegate.executeBatch();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        executing();
        try {
            return delegate.executeLargeBatch();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        view.checkSql(sql);
        executing();
        try {
            return delegate.executeLargeUpdate(sql);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        view.checkSql(sql);
        executing();
        try {
            return delegate.executeLargeUpdate(sql, columnIndexes);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        view.checkSql(sql);
        executing();
        try {
            return delegate.executeLargeUpdate(sql, columnNames);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        view.checkSql(sql);
        executing();
        try {
            return delegate.executeLargeUpdate(sql, autoGeneratedKeys);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        view.checkSql(sql);
        executing();
        try {
            return resultSet(delegate.executeQuery(sql));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        view.checkSql(sql);
        executing();
        try {
            return delegate.executeUpdate(sql);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        view.checkSql(sql);
        executing();
        try {
            return delegate.executeUpdate(sql, columnIndexes);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        view.checkSql(sql);
        executing();
        try {
            return delegate.executeUpdate(sql, columnNames);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        view.checkSql(sql);
        executing();
        try {
            return delegate.executeUpdate(sql, autoGeneratedKeys);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        view.enter();
        try {
            return delegate.getFetchDirection();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getFetchSize() throws SQLException {
        view.enter();
        try {
            return delegate.getFetchSize();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getGeneratedKeys());
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        view.enter();
        try {
            return delegate.getLargeMaxRows();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        view.enter();
        try {
            return delegate.getLargeUpdateCount();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxFieldSize();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxRows() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxRows();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        view.enter();
        try {
            return delegate.getMoreResults();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        view.enter();
        try {
            return delegate.getMoreResults(current);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        view.enter();
        try {
            return delegate.getQueryTimeout();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getResultSet());
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        view.enter();
        try {
            return delegate.getResultSetConcurrency();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        view.enter();
        try {
            return delegate.getResultSetHoldability();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getResultSetType() throws SQLException {
        view.enter();
        try {
            return delegate.getResultSetType();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getUpdateCount() throws SQLException {
        view.enter();
        try {
            return delegate.getUpdateCount();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        view.enter();
        try {
            return delegate.getWarnings();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        view.enter();
        try {
            return delegate.isCloseOnCompletion();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean isPoolable() throws SQLException {
        view.enter();
        try {
            return delegate.isPoolable();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean isSimpleIdentifier(String identifier) throws SQLException {
        view.enter();
        try {
            return delegate.isSimpleIdentifier(identifier);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        view.enter();
        try {
            delegate.setCursorName(name);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        view.enter();
        try {
            delegate.setEscapeProcessing(enable);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        view.enter();
        try {
            delegate.setFetchDirection(direction);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        view.enter();
        try {
            delegate.setFetchSize(rows);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        view.enter();
        try {
            delegate.setLargeMaxRows(max);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        view.enter();
        try {
            delegate.setMaxFieldSize(max);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        view.enter();
        try {
            delegate.setMaxRows(max);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        view.enter();
        try {
            delegate.setPoolable(poolable);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        view.enter();
        try {
            delegate.setQueryTimeout(seconds);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }
}
