package dev.tether.engine.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A {@link TrackedStatement} for prepared statements: the same checks, on the methods a prepared statement adds, but
 * for the plain parameter setters by index (numbers, strings, bytes, {@code setNull} by SQL type). Those bind a value
 * into the statement's own parameters in every driver Tether supports, without a round trip and without touching the
 * connection's state (Connector/J does it holding the connection's mutex), so they are checked like
 * {@link #getConnection()} and not counted in flight: counting costs two atomic adds, as much as the setter. Such a
 * setter may therefore still run when a unit ending on another thread has settled the connection and handed it on; its
 * error is then not recorded on the connection, now someone else's ({@link ConnectionView#failedUncounted}). A setter
 * that may look a type up on the server ({@code setObject}, {@code setNull} by type name, arrays, streams, LOBs) is
 * counted, and so are dates, times and timestamps: pgjdbc converts them with a calendar its connection shares, whose
 * zone it sets outside its lock, which must not happen under the next holder's conversions.
 */
class TrackedPreparedStatement<S extends PreparedStatement> extends TrackedStatement<S> implements PreparedStatement {

    TrackedPreparedStatement(S delegate, ConnectionView view) {
        super(delegate, view);
    }

    @Override
    public void addBatch() throws SQLException {
        view.enter();
        try {
            delegate.addBatch();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void clearParameters() throws SQLException {
        view.enter();
        try {
            delegate.clearParameters();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean execute() throws SQLException {
        executing();
        try {
            return delegate.execute();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        executing();
        try {
            return delegate.executeLargeUpdate();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        executing();
        try {
            return resultSet(delegate.executeQuery());
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public int executeUpdate() throws SQLException {
        executing();
        try {
            return delegate.executeUpdate();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            executed();
        }
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        view.enter();
        try {
            return delegate.getMetaData();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        view.enter();
        try {
            return delegate.getParameterMetaData();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        view.enter();
        try {
            delegate.setArray(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        view.enter();
        try {
            delegate.setAsciiStream(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        view.enter();
        try {
            delegate.setAsciiStream(parameterIndex, x, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        view.enter();
        try {
            delegate.setAsciiStream(parameterIndex, x, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        checkOpen(); // a plain setter binds on the client: checked, not counted in flight
        try {
            delegate.setBigDecimal(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failedUncounted(e);
        }
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        view.enter();
        try {
            delegate.setBinaryStream(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        view.enter();
        try {
            delegate.setBinaryStream(parameterIndex, x, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        view.enter();
        try {
            delegate.setBinaryStream(parameterIndex, x, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        view.enter();
        try {
            delegate.setBlob(parameterIndex, inputStream);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        view.enter();
        try {
            delegate.setBlob(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        view.enter();
        try {
            delegate.setBlob(parameterIndex, inputStream, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        checkOpen(); // a plain setter binds on the client: checked, not counted in flight
        try {
            delegate.setBoolean(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failedUncounted(e);
        }
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        checkOpen(); // a plain setter binds on the client: checked, not counted in flight
        try {
            delegate.setByte(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failedUncounted(e);
        }
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        checkOpen(); // a plain setter binds on the client: checked, not counted in flight
        try {
            delegate.setBytes(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failedUncounted(e);
        }
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        view.enter();
        try {
            delegate.setCharacterStream(parameterIndex, reader);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        view.enter();
        try {
            delegate.setCharacterStream(parameterIndex, reader, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        view.enter();
        try {
            delegate.setCharacterStream(parameterIndex, reader, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        view.enter();
        try {
            delegate.setClob(parameterIndex, reader);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        view.enter();
        try {
            delegate.setClob(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        view.enter();
        try {
            delegate.setClob(parameterIndex, reader, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        view.enter(); // counted: pgjdbc sets the zone of a calendar its connection shares (see the class comment)
        try {
            delegate.setDate(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        view.enter(); // counted: pgjdbc sets the zone of a calendar its connection shares (see the class comment)
        try {
            delegate.setDate(parameterIndex, x, cal);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        checkOpen(); // a plain setter binds on the client: checked, not counted in flight
        try {
            delegate.setDouble(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failedUncounted(e);
        }
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        checkOpen(); // a plain setter binds on the client: checked, not counted in flight
        try {
            delegate.setFloat(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failedUncounted(e);
        }
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        checkOpen(); // a plain setter binds on the client: checked, not counted in flight
        try {
            delegate.setInt(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failedUncounted(e);
        }
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        checkOpen(); // a plain setter binds on the client: checked, not counted in flight
        try {
            delegate.setLong(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failedUncounted(e);
        }
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        view.enter();
        try {
            delegate.setNCharacterStream(parameterIndex, value);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        view.enter();
        try {
            delegate.setNCharacterStream(parameterIndex, value, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        view.enter();
        try {
            delegate.setNClob(parameterIndex, reader);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        view.enter();
        try {
            delegate.setNClob(parameterIndex, value);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        view.enter();
        try {
            delegate.setNClob(parameterIndex, reader, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        checkOpen(); // a plain setter binds on the client: checked, not counted in flight
        try {
            delegate.setNString(parameterIndex, value);
        } catch (SQLException e) {
            throw view.failedUncounted(e);
        }
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        checkOpen(); // a plain setter binds on the client: checked, not counted in flight
        try {
            delegate.setNull(parameterIndex, sqlType);
        } catch (SQLException e) {
            throw view.failedUncounted(e);
        }
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        view.enter();
        try {
            delegate.setNull(parameterIndex, sqlType, typeName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        view.enter();
        try {
            delegate.setObject(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        view.enter();
        try {
            delegate.setObject(parameterIndex, x, targetSqlType);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        view.enter();
        try {
            delegate.setObject(parameterIndex, x, targetSqlType);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        view.enter();
        try {
            delegate.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        view.enter();
        try {
            delegate.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        view.enter();
        try {
            delegate.setRef(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        view.enter();
        try {
            delegate.setRowId(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        view.enter();
        try {
            delegate.setSQLXML(parameterIndex, xmlObject);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        checkOpen(); // a plain setter binds on the client: checked, not counted in flight
        try {
            delegate.setShort(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failedUncounted(e);
        }
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        checkOpen(); // a plain setter binds on the client: checked, not counted in flight
        try {
            delegate.setString(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failedUncounted(e);
        }
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        view.enter(); // counted: pgjdbc sets the zone of a calendar its connection shares (see the class comment)
        try {
            delegate.setTime(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        view.enter(); // counted: pgjdbc sets the zone of a calendar its connection shares (see the class comment)
        try {
            delegate.setTime(parameterIndex, x, cal);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        view.enter(); // counted: pgjdbc sets the zone of a calendar its connection shares (see the class comment)
        try {
            delegate.setTimestamp(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        view.enter(); // counted: pgjdbc sets the zone of a calendar its connection shares (see the class comment)
        try {
            delegate.setTimestamp(parameterIndex, x, cal);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        view.enter();
        try {
            delegate.setURL(parameterIndex, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        view.enter();
        try {
            delegate.setUnicodeStream(parameterIndex, x, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }
}
