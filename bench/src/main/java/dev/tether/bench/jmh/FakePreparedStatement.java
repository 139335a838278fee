package dev.tether.bench.jmh;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Ref;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/** A {@link FakeStatement} with parameters that are ignored; executing it runs nothing. */
final class FakePreparedStatement extends FakeStatement implements PreparedStatement {

    FakePreparedStatement(Connection connection) {
        super(connection);
    }

    @Override
    public ResultSet executeQuery() {
        return new FakeResultSet(this);
    }

    @Override
    public boolean execute() {
        return false;
    }

    @Override
    public int executeUpdate() {
        return 0;
    }

    @Override
    public void addBatch() throws SQLException {
    }

    @Override
    public void clearParameters() throws SQLException {
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return null;
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return null;
    }

    @Override
    public void setArray(int arg1, Array arg2) throws SQLException {
    }

    @Override
    public void setAsciiStream(int arg1, InputStream arg2, int arg3) throws SQLException {
    }

    @Override
    public void setAsciiStream(int arg1, InputStream arg2, long arg3) throws SQLException {
    }

    @Override
    public void setAsciiStream(int arg1, InputStream arg2) throws SQLException {
    }

    @Override
    public void setBigDecimal(int arg1, BigDecimal arg2) throws SQLException {
    }

    @Override
    public void setBinaryStream(int arg1, InputStream arg2, int arg3) throws SQLException {
    }

    @Override
    public void setBinaryStream(int arg1, InputStream arg2, long arg3) throws SQLException {
    }

    @Override
    public void setBinaryStream(int arg1, InputStream arg2) throws SQLException {
    }

    @Override
    public void setBlob(int arg1, InputStream arg2, long arg3) throws SQLException {
    }

    @Override
    public void setBlob(int arg1, InputStream arg2) throws SQLException {
    }

    @Override
    public void setBlob(int arg1, Blob arg2) throws SQLException {
    }

    @Override
    public void setBoolean(int arg1, boolean arg2) throws SQLException {
    }

    @Override
    public void setByte(int arg1, byte arg2) throws SQLException {
    }

    @Override
    public void setBytes(int arg1, byte[] arg2) throws SQLException {
    }

    @Override
    public void setCharacterStream(int arg1, Reader arg2, int arg3) throws SQLException {
    }

    @Override
    public void setCharacterStream(int arg1, Reader arg2, long arg3) throws SQLException {
    }

    @Override
    public void setCharacterStream(int arg1, Reader arg2) throws SQLException {
    }

    @Override
    public void setClob(int arg1, Reader arg2, long arg3) throws SQLException {
    }

    @Override
    public void setClob(int arg1, Reader arg2) throws SQLException {
    }

    @Override
    public void setClob(int arg1, Clob arg2) throws SQLException {
    }

    @Override
    public void setDate(int arg1, Date arg2, Calendar arg3) throws SQLException {
    }

    @Override
    public void setDate(int arg1, Date arg2) throws SQLException {
    }

    @Override
    public void setDouble(int arg1, double arg2) throws SQLException {
    }

    @Override
    public void setFloat(int arg1, float arg2) throws SQLException {
    }

    @Override
    public void setInt(int arg1, int arg2) throws SQLException {
    }

    @Override
    public void setLong(int arg1, long arg2) throws SQLException {
    }

    @Override
    public void setNCharacterStream(int arg1, Reader arg2, long arg3) throws SQLException {
    }

    @Override
    public void setNCharacterStream(int arg1, Reader arg2) throws SQLException {
    }

    @Override
    public void setNClob(int arg1, Reader arg2, long arg3) throws SQLException {
    }

    @Override
    public void setNClob(int arg1, Reader arg2) throws SQLException {
    }

    @Override
    public void setNClob(int arg1, NClob arg2) throws SQLException {
    }

    @Override
    public void setNString(int arg1, String arg2) throws SQLException {
    }

    @Override
    public void setNull(int arg1, int arg2, String arg3) throws SQLException {
    }

    @Override
    public void setNull(int arg1, int arg2) throws SQLException {
    }

    @Override
    public void setObject(int arg1, Object arg2, int arg3, int arg4) throws SQLException {
    }

    @Override
    public void setObject(int arg1, Object arg2, int arg3) throws SQLException {
    }

    @Override
    public void setObject(int arg1, Object arg2) throws SQLException {
    }

    @Override
    public void setRef(int arg1, Ref arg2) throws SQLException {
    }

    @Override
    public void setRowId(int arg1, RowId arg2) throws SQLException {
    }

    @Override
    public void setSQLXML(int arg1, SQLXML arg2) throws SQLException {
    }

    @Override
    public void setShort(int arg1, short arg2) throws SQLException {
    }

    @Override
    public void setString(int arg1, String arg2) throws SQLException {
    }

    @Override
    public void setTime(int arg1, Time arg2, Calendar arg3) throws SQLException {
    }

    @Override
    public void setTime(int arg1, Time arg2) throws SQLException {
    }

    @Override
    public void setTimestamp(int arg1, Timestamp arg2, Calendar arg3) throws SQLException {
    }

    @Override
    public void setTimestamp(int arg1, Timestamp arg2) throws SQLException {
    }

    @Override
    public void setURL(int arg1, URL arg2) throws SQLException {
    }

    @Override
    public void setUnicodeStream(int arg1, InputStream arg2, int arg3) throws SQLException {
    }
}
