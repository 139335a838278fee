package dev.tether.bench.jmh;

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
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A JDBC connection that talks to nothing: session getters and setters keep plain fields, statements are
 * {@link FakeStatement}s that run nothing (queries return {@link FakeResultSet#ROWS} rows), and the rest is
 * unsupported. The benchmarks use it so that the pool, not the database, is what they measure.
 */
final class FakeConnection extends FakeJdbcObject implements Connection {
    private boolean autoCommit = true;
    private boolean readOnly;
    private int isolation = TRANSACTION_READ_COMMITTED;
    private String catalog = "bench";
    private String schema = "public";
    private int networkTimeout;

    private static SQLException unsupported() {
        return new SQLFeatureNotSupportedException("the fake connection runs no SQL");
    }

    @Override
    public boolean isValid(int timeout) {
        return !isClosed();
    }

    @Override
    public boolean getAutoCommit() {
        return autoCommit;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) {
        this.autoCommit = autoCommit;
    }

    @Override
    public void commit() {
    }

    @Override
    public void rollback() {
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    @Override
    public int getTransactionIsolation() {
        return isolation;
    }

    @Override
    public void setTransactionIsolation(int level) {
        this.isolation = level;
    }

    @Override
    public String getCatalog() {
        return catalog;
    }

    @Override
    public void setCatalog(String catalog) {
        this.catalog = catalog;
    }

    @Override
    public String getSchema() {
        return schema;
    }

    @Override
    public void setSchema(String schema) {
        this.schema = schema;
    }

    @Override
    public int getNetworkTimeout() {
        return networkTimeout;
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) {
        this.networkTimeout = milliseconds;
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
    }

    @Override
    public Statement createStatement() {
        return new FakeStatement(this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) {
        return new FakePreparedStatement(this);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        throw unsupported();
    }

    @Override
    public String nativeSQL(String sql) {
        return sql;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        throw unsupported();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) {
        return new FakeStatement(this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) {
        return new FakePreparedStatement(this);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        throw unsupported();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() {
        return Map.of();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        throw unsupported();
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        throw unsupported();
    }

    @Override
    public int getHoldability() {
        return java.sql.ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        throw unsupported();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        throw unsupported();
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        throw unsupported();
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        throw unsupported();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) {
        return new FakeStatement(this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
                                              int resultSetHoldability) {
        return new FakePreparedStatement(this);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
                                         int resultSetHoldability) throws SQLException {
        throw unsupported();
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) {
        return new FakePreparedStatement(this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) {
        return new FakePreparedStatement(this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) {
        return new FakePreparedStatement(this);
    }

    @Override
    public Clob createClob() throws SQLException {
        throw unsupported();
    }

    @Override
    public Blob createBlob() throws SQLException {
        throw unsupported();
    }

    @Override
    public NClob createNClob() throws SQLException {
        throw unsupported();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw unsupported();
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        throw new SQLClientInfoException();
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        throw new SQLClientInfoException();
    }

    @Override
    public String getClientInfo(String name) {
        return null;
    }

    @Override
    public Properties getClientInfo() {
        return new Properties();
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        throw unsupported();
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw unsupported();
    }

    @Override
    public void abort(Executor executor) {
        close();
    }
}
