package dev.tether.bench.jmh;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * A statement that runs nothing: {@code executeQuery} returns a {@link FakeResultSet}, {@code execute} and
 * {@code executeUpdate} report no result; every other method does nothing and returns 0, false or null.
 */
class FakeStatement extends FakeJdbcObject implements Statement {
    private final Connection connection;

    FakeStatement(Connection connection) {
        this.connection = connection;
    }

    @Override
    public ResultSet executeQuery(String sql) {
        return new FakeResultSet(this);
    }

    @Override
    public boolean execute(String sql) {
        return false;
    }

    @Override
    public int executeUpdate(String sql) {
        return 0;
    }

    @Override
    public ResultSet getResultSet() {
        return null;
    }

    @Override
    public int getUpdateCount() {
        return -1;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public void addBatch(String value) throws SQLException {
    }

    @Override
    public void cancel() throws SQLException {
    }

    @Override
    public void clearBatch() throws SQLException {
    }

    @Override
    public void clearWarnings() throws SQLException {
    }

    @Override
    public void closeOnCompletion() throws SQLException {
    }

    @Override
    public boolean execute(String arg1, int[] arg2) throws SQLException {
        return false;
    }

    @Override
    public boolean execute(String arg1, String[] arg2) throws SQLException {
        return false;
    }

    @Override
    public boolean execute(String arg1, int arg2) throws SQLException {
        return false;
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return null;
    }

    @Override
    public int executeUpdate(String arg1, int[] arg2) throws SQLException {
        return 0;
    }

    @Override
    public int executeUpdate(String arg1, String[] arg2) throws SQLException {
        return 0;
    }

    @Override
    public int executeUpdate(String arg1, int arg2) throws SQLException {
        return 0;
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return 0;
    }

    @Override
    public int getFetchSize() throws SQLException {
        return 0;
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        return null;
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxRows() throws SQLException {
        return 0;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return false;
    }

    @Override
    public boolean getMoreResults(int value) throws SQLException {
        return false;
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return 0;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return 0;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return 0;
    }

    @Override
    public int getResultSetType() throws SQLException {
        return 0;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return null;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return false;
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return false;
    }

    @Override
    public void setCursorName(String value) throws SQLException {
    }

    @Override
    public void setEscapeProcessing(boolean value) throws SQLException {
    }

    @Override
    public void setFetchDirection(int value) throws SQLException {
    }

    @Override
    public void setFetchSize(int value) throws SQLException {
    }

    @Override
    public void setMaxFieldSize(int value) throws SQLException {
    }

    @Override
    public void setMaxRows(int value) throws SQLException {
    }

    @Override
    public void setPoolable(boolean value) throws SQLException {
    }

    @Override
    public void setQueryTimeout(int value) throws SQLException {
    }
}
