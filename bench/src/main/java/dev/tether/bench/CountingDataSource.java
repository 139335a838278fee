package dev.tether.bench;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Opens connections from a source and counts them, so a pool's physical connects can be reported. */
public final class CountingDataSource implements DataSource {
    private final Opener opener;
    private final AtomicLong connects = new AtomicLong();
    private int loginTimeout;

    /** How a new physical connection is made. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    public CountingDataSource(Opener opener) {
        this.opener = opener;
    }

    public long connects() {
        return connects.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        connects.incrementAndGet();
        return opener.open();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the bench's data source connects as its configured user only");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
