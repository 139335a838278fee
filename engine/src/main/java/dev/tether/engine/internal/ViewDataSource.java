package dev.tether.engine.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A {@link DataSource} whose connections are handles on the current owner's persistent connection. */
final class ViewDataSource implements DataSource {
    private final Engine engine;
    private final String alias;

    ViewDataSource(Engine engine, String alias) {
        this.engine = engine;
        this.alias = alias;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return engine.wrapper(alias).connection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("[" + alias + "] credentials come from Tether's settings for this "
                + "alias; call getConnection() without arguments");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Tether logs through System.Logger.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // The connect timeout is the CONNECT_TIMEOUT setting.
    }

    @Override
    public int getLoginTimeout() {
        return (int) engine.settings(alias).connectTimeout().toSeconds();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Tether logs through System.Logger, not java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("[" + alias + "] Tether's DataSource does not wrap a " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "Tether DataSource [" + alias + "]";
    }
}
