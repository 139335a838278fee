package dev.tether.engine.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/** A {@link TrackedStatement} for callable statements: the same checks, on the methods a callable statement adds. */
final class TrackedCallableStatement extends TrackedPreparedStatement<CallableStatement> implements CallableStatement {

    TrackedCallableStatement(CallableStatement delegate, ConnectionView view) {
        super(delegate, view);
    }

    @Override
    public Array getArray(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getArray(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Array getArray(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getArray(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public BigDecimal getBigDecimal(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getBigDecimal(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public BigDecimal getBigDecimal(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getBigDecimal(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int parameterIndex, int scale) throws SQLException {
        view.enter();
        try {
            return delegate.getBigDecimal(parameterIndex, scale);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Blob getBlob(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getBlob(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Blob getBlob(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getBlob(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean getBoolean(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getBoolean(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean getBoolean(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getBoolean(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public byte getByte(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getByte(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public byte getByte(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getByte(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public byte[] getBytes(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getBytes(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public byte[] getBytes(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getBytes(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Reader getCharacterStream(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getCharacterStream(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Reader getCharacterStream(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getCharacterStream(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Clob getClob(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getClob(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Clob getClob(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getClob(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Date getDate(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getDate(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Date getDate(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getDate(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Date getDate(String parameterName, Calendar cal) throws SQLException {
        view.enter();
        try {
            return delegate.getDate(parameterName, cal);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Date getDate(int parameterIndex, Calendar cal) throws SQLException {
        view.enter();
        try {
            return delegate.getDate(parameterIndex, cal);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public double getDouble(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getDouble(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public double getDouble(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getDouble(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public float getFloat(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getFloat(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public float getFloat(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getFloat(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getInt(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getInt(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getInt(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getInt(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public long getLong(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getLong(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public long getLong(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getLong(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Reader getNCharacterStream(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getNCharacterStream(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Reader getNCharacterStream(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getNCharacterStream(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public NClob getNClob(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getNClob(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public NClob getNClob(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getNClob(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getNString(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getNString(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getNString(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getNString(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Object getObject(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getObject(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Object getObject(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getObject(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public <T> T getObject(String parameterName, Class<T> type) throws SQLException {
        view.enter();
        try {
            return delegate.getObject(parameterName, type);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Object getObject(String parameterName, Map<String, Class<?>> map) throws SQLException {
        view.enter();
        try {
            return delegate.getObject(parameterName, map);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public <T> T getObject(int parameterIndex, Class<T> type) throws SQLException {
        view.enter();
        try {
            return delegate.getObject(parameterIndex, type);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Object getObject(int parameterIndex, Map<String, Class<?>> map) throws SQLException {
        view.enter();
        try {
            return delegate.getObject(parameterIndex, map);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Ref getRef(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getRef(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Ref getRef(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getRef(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public RowId getRowId(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getRowId(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public RowId getRowId(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getRowId(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public SQLXML getSQLXML(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getSQLXML(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public SQLXML getSQLXML(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getSQLXML(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public short getShort(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getShort(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public short getShort(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getShort(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getString(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getString(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getString(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getString(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Time getTime(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getTime(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Time getTime(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getTime(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Time getTime(String parameterName, Calendar cal) throws SQLException {
        view.enter();
        try {
            return delegate.getTime(parameterName, cal);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Time getTime(int parameterIndex, Calendar cal) throws SQLException {
        view.enter();
        try {
            return delegate.getTime(parameterIndex, cal);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Timestamp getTimestamp(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getTimestamp(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Timestamp getTimestamp(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getTimestamp(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Timestamp getTimestamp(String parameterName, Calendar cal) throws SQLException {
        view.enter();
        try {
            return delegate.getTimestamp(parameterName, cal);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public Timestamp getTimestamp(int parameterIndex, Calendar cal) throws SQLException {
        view.enter();
        try {
            return delegate.getTimestamp(parameterIndex, cal);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public URL getURL(String parameterName) throws SQLException {
        view.enter();
        try {
            return delegate.getURL(parameterName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public URL getURL(int parameterIndex) throws SQLException {
        view.enter();
        try {
            return delegate.getURL(parameterIndex);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void registerOutParameter(String parameterName, int sqlType) throws SQLException {
        view.enter();
        try {
            delegate.registerOutParameter(parameterName, sqlType);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void registerOutParameter(String parameterName, SQLType sqlType) throws SQLException {
        view.enter();
        try {
            delegate.registerOutParameter(parameterName, sqlType);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType) throws SQLException {
        view.enter();
        try {
            delegate.registerOutParameter(parameterIndex, sqlType);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void registerOutParameter(int parameterIndex, SQLType sqlType) throws SQLException {
        view.enter();
        try {
            delegate.registerOutParameter(parameterIndex, sqlType);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void registerOutParameter(String parameterName, int sqlType, String typeName) throws SQLException {
        view.enter();
        try {
            delegate.registerOutParameter(parameterName, sqlType, typeName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void registerOutParameter(String parameterName, int sqlType, int scale) throws SQLException {
        view.enter();
        try {
            delegate.registerOutParameter(parameterName, sqlType, scale);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void registerOutParameter(String parameterName, SQLType sqlType, String typeName) throws SQLException {
        view.enter();
        try {
            delegate.registerOutParameter(parameterName, sqlType, typeName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void registerOutParameter(String parameterName, SQLType sqlType, int scale) throws SQLException {
        view.enter();
        try {
            delegate.registerOutParameter(parameterName, sqlType, scale);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType, String typeName) throws SQLException {
        view.enter();
        try {
            delegate.registerOutParameter(parameterIndex, sqlType, typeName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType, int scale) throws SQLException {
        view.enter();
        try {
            delegate.registerOutParameter(parameterIndex, sqlType, scale);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void registerOutParameter(int parameterIndex, SQLType sqlType, String typeName) throws SQLException {
        view.enter();
        try {
            delegate.registerOutParameter(parameterIndex, sqlType, typeName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void registerOutParameter(int parameterIndex, SQLType sqlType, int scale) throws SQLException {
        view.enter();
        try {
            delegate.registerOutParameter(parameterIndex, sqlType, scale);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setAsciiStream(String parameterName, InputStream x) throws SQLException {
        view.enter();
        try {
            delegate.setAsciiStream(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setAsciiStream(String parameterName, InputStream x, int length) throws SQLException {
        view.enter();
        try {
            delegate.setAsciiStream(parameterName, x, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setAsciiStream(String parameterName, InputStream x, long length) throws SQLException {
        view.enter();
        try {
            delegate.setAsciiStream(parameterName, x, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBigDecimal(String parameterName, BigDecimal x) throws SQLException {
        view.enter();
        try {
            delegate.setBigDecimal(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBinaryStream(String parameterName, InputStream x) throws SQLException {
        view.enter();
        try {
            delegate.setBinaryStream(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBinaryStream(String parameterName, InputStream x, int length) throws SQLException {
        view.enter();
        try {
            delegate.setBinaryStream(parameterName, x, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBinaryStream(String parameterName, InputStream x, long length) throws SQLException {
        view.enter();
        try {
            delegate.setBinaryStream(parameterName, x, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBlob(String parameterName, InputStream inputStream) throws SQLException {
        view.enter();
        try {
            delegate.setBlob(parameterName, inputStream);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBlob(String parameterName, Blob x) throws SQLException {
        view.enter();
        try {
            delegate.setBlob(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBlob(String parameterName, InputStream inputStream, long length) throws SQLException {
        view.enter();
        try {
            delegate.setBlob(parameterName, inputStream, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBoolean(String parameterName, boolean x) throws SQLException {
        view.enter();
        try {
            delegate.setBoolean(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setByte(String parameterName, byte x) throws SQLException {
        view.enter();
        try {
            delegate.setByte(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setBytes(String parameterName, byte[] x) throws SQLException {
        view.enter();
        try {
            delegate.setBytes(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setCharacterStream(String parameterName, Reader reader) throws SQLException {
        view.enter();
        try {
            delegate.setCharacterStream(parameterName, reader);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setCharacterStream(String parameterName, Reader reader, int length) throws SQLException {
        view.enter();
        try {
            delegate.setCharacterStream(parameterName, reader, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setCharacterStream(String parameterName, Reader reader, long length) throws SQLException {
        view.enter();
        try {
            delegate.setCharacterStream(parameterName, reader, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setClob(String parameterName, Reader reader) throws SQLException {
        view.enter();
        try {
            delegate.setClob(parameterName, reader);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setClob(String parameterName, Clob x) throws SQLException {
        view.enter();
        try {
            delegate.setClob(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setClob(String parameterName, Reader reader, long length) throws SQLException {
        view.enter();
        try {
            delegate.setClob(parameterName, reader, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setDate(String parameterName, Date x) throws SQLException {
        view.enter();
        try {
            delegate.setDate(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setDate(String parameterName, Date x, Calendar cal) throws SQLException {
        view.enter();
        try {
            delegate.setDate(parameterName, x, cal);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setDouble(String parameterName, double x) throws SQLException {
        view.enter();
        try {
            delegate.setDouble(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setFloat(String parameterName, float x) throws SQLException {
        view.enter();
        try {
            delegate.setFloat(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setInt(String parameterName, int x) throws SQLException {
        view.enter();
        try {
            delegate.setInt(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setLong(String parameterName, long x) throws SQLException {
        view.enter();
        try {
            delegate.setLong(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setNCharacterStream(String parameterName, Reader value) throws SQLException {
        view.enter();
        try {
            delegate.setNCharacterStream(parameterName, value);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setNCharacterStream(String parameterName, Reader value, long length) throws SQLException {
        view.enter();
        try {
            delegate.setNCharacterStream(parameterName, value, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setNClob(String parameterName, Reader reader) throws SQLException {
        view.enter();
        try {
            delegate.setNClob(parameterName, reader);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setNClob(String parameterName, NClob value) throws SQLException {
        view.enter();
        try {
            delegate.setNClob(parameterName, value);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setNClob(String parameterName, Reader reader, long length) throws SQLException {
        view.enter();
        try {
            delegate.setNClob(parameterName, reader, length);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setNString(String parameterName, String value) throws SQLException {
        view.enter();
        try {
            delegate.setNString(parameterName, value);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setNull(String parameterName, int sqlType) throws SQLException {
        view.enter();
        try {
            delegate.setNull(parameterName, sqlType);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setNull(String parameterName, int sqlType, String typeName) throws SQLException {
        view.enter();
        try {
            delegate.setNull(parameterName, sqlType, typeName);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setObject(String parameterName, Object x) throws SQLException {
        view.enter();
        try {
            delegate.setObject(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setObject(String parameterName, Object x, int targetSqlType) throws SQLException {
        view.enter();
        try {
            delegate.setObject(parameterName, x, targetSqlType);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setObject(String parameterName, Object x, SQLType targetSqlType) throws SQLException {
        view.enter();
        try {
            delegate.setObject(parameterName, x, targetSqlType);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setObject(String parameterName, Object x, int targetSqlType, int scale) throws SQLException {
        view.enter();
        try {
            delegate.setObject(parameterName, x, targetSqlType, scale);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setObject(String parameterName, Object x, SQLType targetSqlType, int scaleOrLength)
            throws SQLException {
        view.enter();
        try {
            delegate.setObject(parameterName, x, targetSqlType, scaleOrLength);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setRowId(String parameterName, RowId x) throws SQLException {
        view.enter();
        try {
            delegate.setRowId(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setSQLXML(String parameterName, SQLXML xmlObject) throws SQLException {
        view.enter();
        try {
            delegate.setSQLXML(parameterName, xmlObject);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setShort(String parameterName, short x) throws SQLException {
        view.enter();
        try {
            delegate.setShort(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setString(String parameterName, String x) throws SQLException {
        view.enter();
        try {
            delegate.setString(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setTime(String parameterName, Time x) throws SQLException {
        view.enter();
        try {
            delegate.setTime(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setTime(String parameterName, Time x, Calendar cal) throws SQLException {
        view.enter();
        try {
            delegate.setTime(parameterName, x, cal);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setTimestamp(String parameterName, Timestamp x) throws SQLException {
        view.enter();
        try {
            delegate.setTimestamp(parameterName, x);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setTimestamp(String parameterName, Timestamp x, Calendar cal) throws SQLException {
        view.enter();
        try {
            delegate.setTimestamp(parameterName, x, cal);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public void setURL(String parameterName, URL val) throws SQLException {
        view.enter();
        try {
            delegate.setURL(parameterName, val);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean wasNull() throws SQLException {
        view.enter();
        try {
            return delegate.wasNull();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }
}
