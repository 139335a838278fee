package dev.tether.bench.jmh;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A result set of {@link #ROWS} rows that reads nothing: {@code next} counts, {@code getInt} returns the row
 * number and {@code getString} a constant, without allocating. Every other method does nothing and returns
 * 0, false or null. The result-set benchmark's "bare stub" reads it directly, as the floor for the pools.
 */
final class FakeResultSet extends FakeJdbcObject implements ResultSet {
    static final int ROWS = 100;

    private final Statement statement;
    private int row;

    FakeResultSet(Statement statement) {
        this.statement = statement;
    }

    @Override
    public boolean next() {
        if (row < ROWS) {
            row++;
            return true;
        }
        return false;
    }

    @Override
    public int getInt(int column) {
        return row;
    }

    @Override
    public int getInt(String label) {
        return row;
    }

    @Override
    public String getString(int column) {
        return "row";
    }

    @Override
    public String getString(String label) {
        return "row";
    }

    @Override
    public boolean wasNull() {
        return false;
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public boolean absolute(int value) throws SQLException {
        return false;
    }

    @Override
    public void afterLast() throws SQLException {
    }

    @Override
    public void beforeFirst() throws SQLException {
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
    }

    @Override
    public void clearWarnings() throws SQLException {
    }

    @Override
    public void deleteRow() throws SQLException {
    }

    @Override
    public int findColumn(String value) throws SQLException {
        return 0;
    }

    @Override
    public boolean first() throws SQLException {
        return false;
    }

    @Override
    public Array getArray(String value) throws SQLException {
        return null;
    }

    @Override
    public Array getArray(int value) throws SQLException {
        return null;
    }

    @Override
    public InputStream getAsciiStream(String value) throws SQLException {
        return null;
    }

    @Override
    public InputStream getAsciiStream(int value) throws SQLException {
        return null;
    }

    @Override
    public BigDecimal getBigDecimal(String arg1, int arg2) throws SQLException {
        return null;
    }

    @Override
    public BigDecimal getBigDecimal(String value) throws SQLException {
        return null;
    }

    @Override
    public BigDecimal getBigDecimal(int arg1, int arg2) throws SQLException {
        return null;
    }

    @Override
    public BigDecimal getBigDecimal(int value) throws SQLException {
        return null;
    }

    @Override
    public InputStream getBinaryStream(String value) throws SQLException {
        return null;
    }

    @Override
    public InputStream getBinaryStream(int value) throws SQLException {
        return null;
    }

    @Override
    public Blob getBlob(String value) throws SQLException {
        return null;
    }

    @Override
    public Blob getBlob(int value) throws SQLException {
        return null;
    }

    @Override
    public boolean getBoolean(String value) throws SQLException {
        return false;
    }

    @Override
    public boolean getBoolean(int value) throws SQLException {
        return false;
    }

    @Override
    public byte getByte(String value) throws SQLException {
        return 0;
    }

    @Override
    public byte getByte(int value) throws SQLException {
        return 0;
    }

    @Override
    public byte[] getBytes(String value) throws SQLException {
        return null;
    }

    @Override
    public byte[] getBytes(int value) throws SQLException {
        return null;
    }

    @Override
    public Reader getCharacterStream(String value) throws SQLException {
        return null;
    }

    @Override
    public Reader getCharacterStream(int value) throws SQLException {
        return null;
    }

    @Override
    public Clob getClob(String value) throws SQLException {
        return null;
    }

    @Override
    public Clob getClob(int value) throws SQLException {
        return null;
    }

    @Override
    public int getConcurrency() throws SQLException {
        return 0;
    }

    @Override
    public String getCursorName() throws SQLException {
        return null;
    }

    @Override
    public Date getDate(String arg1, Calendar arg2) throws SQLException {
        return null;
    }

    @Override
    public Date getDate(String value) throws SQLException {
        return null;
    }

    @Override
    public Date getDate(int arg1, Calendar arg2) throws SQLException {
        return null;
    }

    @Override
    public Date getDate(int value) throws SQLException {
        return null;
    }

    @Override
    public double getDouble(String value) throws SQLException {
        return 0;
    }

    @Override
    public double getDouble(int value) throws SQLException {
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
    public float getFloat(String value) throws SQLException {
        return 0;
    }

    @Override
    public float getFloat(int value) throws SQLException {
        return 0;
    }

    @Override
    public int getHoldability() throws SQLException {
        return 0;
    }

    @Override
    public long getLong(String value) throws SQLException {
        return 0;
    }

    @Override
    public long getLong(int value) throws SQLException {
        return 0;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return null;
    }

    @Override
    public Reader getNCharacterStream(String value) throws SQLException {
        return null;
    }

    @Override
    public Reader getNCharacterStream(int value) throws SQLException {
        return null;
    }

    @Override
    public NClob getNClob(String value) throws SQLException {
        return null;
    }

    @Override
    public NClob getNClob(int value) throws SQLException {
        return null;
    }

    @Override
    public String getNString(String value) throws SQLException {
        return null;
    }

    @Override
    public String getNString(int value) throws SQLException {
        return null;
    }

    @Override
    public <T> T getObject(String arg1, Class<T> arg2) throws SQLException {
        return null;
    }

    @Override
    public Object getObject(String arg1, Map<String, Class<?>> arg2) throws SQLException {
        return null;
    }

    @Override
    public Object getObject(String value) throws SQLException {
        return null;
    }

    @Override
    public <T> T getObject(int arg1, Class<T> arg2) throws SQLException {
        return null;
    }

    @Override
    public Object getObject(int arg1, Map<String, Class<?>> arg2) throws SQLException {
        return null;
    }

    @Override
    public Object getObject(int value) throws SQLException {
        return null;
    }

    @Override
    public Ref getRef(String value) throws SQLException {
        return null;
    }

    @Override
    public Ref getRef(int value) throws SQLException {
        return null;
    }

    @Override
    public int getRow() throws SQLException {
        return 0;
    }

    @Override
    public RowId getRowId(String value) throws SQLException {
        return null;
    }

    @Override
    public RowId getRowId(int value) throws SQLException {
        return null;
    }

    @Override
    public SQLXML getSQLXML(String value) throws SQLException {
        return null;
    }

    @Override
    public SQLXML getSQLXML(int value) throws SQLException {
        return null;
    }

    @Override
    public short getShort(String value) throws SQLException {
        return 0;
    }

    @Override
    public short getShort(int value) throws SQLException {
        return 0;
    }

    @Override
    public Time getTime(String arg1, Calendar arg2) throws SQLException {
        return null;
    }

    @Override
    public Time getTime(String value) throws SQLException {
        return null;
    }

    @Override
    public Time getTime(int arg1, Calendar arg2) throws SQLException {
        return null;
    }

    @Override
    public Time getTime(int value) throws SQLException {
        return null;
    }

    @Override
    public Timestamp getTimestamp(String arg1, Calendar arg2) throws SQLException {
        return null;
    }

    @Override
    public Timestamp getTimestamp(String value) throws SQLException {
        return null;
    }

    @Override
    public Timestamp getTimestamp(int arg1, Calendar arg2) throws SQLException {
        return null;
    }

    @Override
    public Timestamp getTimestamp(int value) throws SQLException {
        return null;
    }

    @Override
    public int getType() throws SQLException {
        return 0;
    }

    @Override
    public URL getURL(String value) throws SQLException {
        return null;
    }

    @Override
    public URL getURL(int value) throws SQLException {
        return null;
    }

    @Override
    public InputStream getUnicodeStream(String value) throws SQLException {
        return null;
    }

    @Override
    public InputStream getUnicodeStream(int value) throws SQLException {
        return null;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return null;
    }

    @Override
    public void insertRow() throws SQLException {
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        return false;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        return false;
    }

    @Override
    public boolean isFirst() throws SQLException {
        return false;
    }

    @Override
    public boolean isLast() throws SQLException {
        return false;
    }

    @Override
    public boolean last() throws SQLException {
        return false;
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
    }

    @Override
    public void moveToInsertRow() throws SQLException {
    }

    @Override
    public boolean previous() throws SQLException {
        return false;
    }

    @Override
    public void refreshRow() throws SQLException {
    }

    @Override
    public boolean relative(int value) throws SQLException {
        return false;
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        return false;
    }

    @Override
    public boolean rowInserted() throws SQLException {
        return false;
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        return false;
    }

    @Override
    public void setFetchDirection(int value) throws SQLException {
    }

    @Override
    public void setFetchSize(int value) throws SQLException {
    }

    @Override
    public void updateArray(String arg1, Array arg2) throws SQLException {
    }

    @Override
    public void updateArray(int arg1, Array arg2) throws SQLException {
    }

    @Override
    public void updateAsciiStream(String arg1, InputStream arg2, int arg3) throws SQLException {
    }

    @Override
    public void updateAsciiStream(String arg1, InputStream arg2, long arg3) throws SQLException {
    }

    @Override
    public void updateAsciiStream(String arg1, InputStream arg2) throws SQLException {
    }

    @Override
    public void updateAsciiStream(int arg1, InputStream arg2, int arg3) throws SQLException {
    }

    @Override
    public void updateAsciiStream(int arg1, InputStream arg2, long arg3) throws SQLException {
    }

    @Override
    public void updateAsciiStream(int arg1, InputStream arg2) throws SQLException {
    }

    @Override
    public void updateBigDecimal(String arg1, BigDecimal arg2) throws SQLException {
    }

    @Override
    public void updateBigDecimal(int arg1, BigDecimal arg2) throws SQLException {
    }

    @Override
    public void updateBinaryStream(String arg1, InputStream arg2, int arg3) throws SQLException {
    }

    @Override
    public void updateBinaryStream(String arg1, InputStream arg2, long arg3) throws SQLException {
    }

    @Override
    public void updateBinaryStream(String arg1, InputStream arg2) throws SQLException {
    }

    @Override
    public void updateBinaryStream(int arg1, InputStream arg2, int arg3) throws SQLException {
    }

    @Override
    public void updateBinaryStream(int arg1, InputStream arg2, long arg3) throws SQLException {
    }

    @Override
    public void updateBinaryStream(int arg1, InputStream arg2) throws SQLException {
    }

    @Override
    public void updateBlob(String arg1, InputStream arg2, long arg3) throws SQLException {
    }

    @Override
    public void updateBlob(String arg1, InputStream arg2) throws SQLException {
    }

    @Override
    public void updateBlob(String arg1, Blob arg2) throws SQLException {
    }

    @Override
    public void updateBlob(int arg1, InputStream arg2, long arg3) throws SQLException {
    }

    @Override
    public void updateBlob(int arg1, InputStream arg2) throws SQLException {
    }

    @Override
    public void updateBlob(int arg1, Blob arg2) throws SQLException {
    }

    @Override
    public void updateBoolean(String arg1, boolean arg2) throws SQLException {
    }

    @Override
    public void updateBoolean(int arg1, boolean arg2) throws SQLException {
    }

    @Override
    public void updateByte(String arg1, byte arg2) throws SQLException {
    }

    @Override
    public void updateByte(int arg1, byte arg2) throws SQLException {
    }

    @Override
    public void updateBytes(String arg1, byte[] arg2) throws SQLException {
    }

    @Override
    public void updateBytes(int arg1, byte[] arg2) throws SQLException {
    }

    @Override
    public void updateCharacterStream(String arg1, Reader arg2, int arg3) throws SQLException {
    }

    @Override
    public void updateCharacterStream(String arg1, Reader arg2, long arg3) throws SQLException {
    }

    @Override
    public void updateCharacterStream(String arg1, Reader arg2) throws SQLException {
    }

    @Override
    public void updateCharacterStream(int arg1, Reader arg2, int arg3) throws SQLException {
    }

    @Override
    public void updateCharacterStream(int arg1, Reader arg2, long arg3) throws SQLException {
    }

    @Override
    public void updateCharacterStream(int arg1, Reader arg2) throws SQLException {
    }

    @Override
    public void updateClob(String arg1, Reader arg2, long arg3) throws SQLException {
    }

    @Override
    public void updateClob(String arg1, Reader arg2) throws SQLException {
    }

    @Override
    public void updateClob(String arg1, Clob arg2) throws SQLException {
    }

    @Override
    public void updateClob(int arg1, Reader arg2, long arg3) throws SQLException {
    }

    @Override
    public void updateClob(int arg1, Reader arg2) throws SQLException {
    }

    @Override
    public void updateClob(int arg1, Clob arg2) throws SQLException {
    }

    @Override
    public void updateDate(String arg1, Date arg2) throws SQLException {
    }

    @Override
    public void updateDate(int arg1, Date arg2) throws SQLException {
    }

    @Override
    public void updateDouble(String arg1, double arg2) throws SQLException {
    }

    @Override
    public void updateDouble(int arg1, double arg2) throws SQLException {
    }

    @Override
    public void updateFloat(String arg1, float arg2) throws SQLException {
    }

    @Override
    public void updateFloat(int arg1, float arg2) throws SQLException {
    }

    @Override
    public void updateInt(String arg1, int arg2) throws SQLException {
    }

    @Override
    public void updateInt(int arg1, int arg2) throws SQLException {
    }

    @Override
    public void updateLong(String arg1, long arg2) throws SQLException {
    }

    @Override
    public void updateLong(int arg1, long arg2) throws SQLException {
    }

    @Override
    public void updateNCharacterStream(String arg1, Reader arg2, long arg3) throws SQLException {
    }

    @Override
    public void updateNCharacterStream(String arg1, Reader arg2) throws SQLException {
    }

    @Override
    public void updateNCharacterStream(int arg1, Reader arg2, long arg3) throws SQLException {
    }

    @Override
    public void updateNCharacterStream(int arg1, Reader arg2) throws SQLException {
    }

    @Override
    public void updateNClob(String arg1, Reader arg2, long arg3) throws SQLException {
    }

    @Override
    public void updateNClob(String arg1, Reader arg2) throws SQLException {
    }

    @Override
    public void updateNClob(String arg1, NClob arg2) throws SQLException {
    }

    @Override
    public void updateNClob(int arg1, Reader arg2, long arg3) throws SQLException {
    }

    @Override
    public void updateNClob(int arg1, Reader arg2) throws SQLException {
    }

    @Override
    public void updateNClob(int arg1, NClob arg2) throws SQLException {
    }

    @Override
    public void updateNString(String arg1, String arg2) throws SQLException {
    }

    @Override
    public void updateNString(int arg1, String arg2) throws SQLException {
    }

    @Override
    public void updateNull(String value) throws SQLException {
    }

    @Override
    public void updateNull(int value) throws SQLException {
    }

    @Override
    public void updateObject(String arg1, Object arg2, int arg3) throws SQLException {
    }

    @Override
    public void updateObject(String arg1, Object arg2) throws SQLException {
    }

    @Override
    public void updateObject(int arg1, Object arg2, int arg3) throws SQLException {
    }

    @Override
    public void updateObject(int arg1, Object arg2) throws SQLException {
    }

    @Override
    public void updateRef(String arg1, Ref arg2) throws SQLException {
    }

    @Override
    public void updateRef(int arg1, Ref arg2) throws SQLException {
    }

    @Override
    public void updateRow() throws SQLException {
    }

    @Override
    public void updateRowId(String arg1, RowId arg2) throws SQLException {
    }

    @Override
    public void updateRowId(int arg1, RowId arg2) throws SQLException {
    }

    @Override
    public void updateSQLXML(String arg1, SQLXML arg2) throws SQLException {
    }

    @Override
    public void updateSQLXML(int arg1, SQLXML arg2) throws SQLException {
    }

    @Override
    public void updateShort(String arg1, short arg2) throws SQLException {
    }

    @Override
    public void updateShort(int arg1, short arg2) throws SQLException {
    }

    @Override
    public void updateString(String arg1, String arg2) throws SQLException {
    }

    @Override
    public void updateString(int arg1, String arg2) throws SQLException {
    }

    @Override
    public void updateTime(String arg1, Time arg2) throws SQLException {
    }

    @Override
    public void updateTime(int arg1, Time arg2) throws SQLException {
    }

    @Override
    public void updateTimestamp(String arg1, Timestamp arg2) throws SQLException {
    }

    @Override
    public void updateTimestamp(int arg1, Timestamp arg2) throws SQLException {
    }
}
