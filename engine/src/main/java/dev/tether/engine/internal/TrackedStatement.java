package dev.tether.engine.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * A statement handed out through a {@link ConnectionView}, as a plain delegate of the driver's (no
 * reflection: a call costs what the driver's does, plus the checks below). Before each call it checks the
 * handle is still open, because a statement may not outlive the handle it came from; {@code execute*}
 * marks a transaction open when autocommit is off; every SQLException from the driver is classified
 * through {@link ConnectionView#failed}; result sets are wrapped and lead back to this statement. It is
 * listed in its connection's {@link OpenStatements} until closed.
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

    final void executing() throws SQLException {
        view.open();
        view.statementRan();
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
        checkOpen();
        try {
            delegate.addBatch(sql);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public void cancel() throws SQLException {
        checkOpen();
        try {
            delegate.cancel();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        try {
            delegate.clearBatch();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        try {
            delegate.clearWarnings();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        try {
            delegate.closeOnCompletion();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        checkOpen();
        try {
            return delegate.enquoteIdentifier(identifier, alwaysQuote);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public String enquoteLiteral(String val) throws SQLException {
        checkOpen();
        try {
            return delegate.enquoteLiteral(val);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public String enquoteNCharLiteral(String val) throws SQLException {
        checkOpen();
        try {
            return delegate.enquoteNCharLiteral(val);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        executing();
        try {
            return delegate.execute(sql);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        executing();
        try {
            return delegate.execute(sql, columnIndexes);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        executing();
        try {
            return delegate.execute(sql, columnNames);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        executing();
        try {
            return delegate.execute(sql, autoGeneratedKeys);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public int[] executeBatch() throws SQLException {
        executing();
        try {
            return delegate.executeBatch();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        executing();
        try {
            return delegate.executeLargeBatch();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        executing();
        try {
            return delegate.executeLargeUpdate(sql);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        executing();
        try {
            return delegate.executeLargeUpdate(sql, columnIndexes);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        executing();
        try {
            return delegate.executeLargeUpdate(sql, columnNames);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        executing();
        try {
            return delegate.executeLargeUpdate(sql, autoGeneratedKeys);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        executing();
        try {
            return resultSet(delegate.executeQuery(sql));
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        executing();
        try {
            return delegate.executeUpdate(sql);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        executing();
        try {
            return delegate.executeUpdate(sql, columnIndexes);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        executing();
        try {
            return delegate.executeUpdate(sql, columnNames);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        executing();
        try {
            return delegate.executeUpdate(sql, autoGeneratedKeys);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        try {
            return delegate.getFetchDirection();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        try {
            return delegate.getFetchSize();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        try {
            return resultSet(delegate.getGeneratedKeys());
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        checkOpen();
        try {
            return delegate.getLargeMaxRows();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        try {
            return delegate.getLargeUpdateCount();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        try {
            return delegate.getMaxFieldSize();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public int getMaxRows() throws SQLException {
        checkOpen();
        try {
            return delegate.getMaxRows();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        checkOpen();
        try {
            return delegate.getMoreResults();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        checkOpen();
        try {
            return delegate.getMoreResults(current);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        try {
            return delegate.getQueryTimeout();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        try {
            return resultSet(delegate.getResultSet());
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        try {
            return delegate.getResultSetConcurrency();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        try {
            return delegate.getResultSetHoldability();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        try {
            return delegate.getResultSetType();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        try {
            return delegate.getUpdateCount();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        try {
            return delegate.getWarnings();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        try {
            return delegate.isCloseOnCompletion();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        try {
            return delegate.isPoolable();
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public boolean isSimpleIdentifier(String identifier) throws SQLException {
        checkOpen();
        try {
            return delegate.isSimpleIdentifier(identifier);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        checkOpen();
        try {
            delegate.setCursorName(name);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
        try {
            delegate.setEscapeProcessing(enable);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        try {
            delegate.setFetchDirection(direction);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        try {
            delegate.setFetchSize(rows);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        checkOpen();
        try {
            delegate.setLargeMaxRows(max);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        try {
            delegate.setMaxFieldSize(max);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        checkOpen();
        try {
            delegate.setMaxRows(max);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
        try {
            delegate.setPoolable(poolable);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        try {
            delegate.setQueryTimeout(seconds);
        } catch (SQLException e) {
            throw view.failed(e);
        }
    }
}
