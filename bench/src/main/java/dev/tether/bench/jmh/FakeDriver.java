package dev.tether.bench.jmh;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@link FakeConnection}s at {@value #URL}: Agroal opens connections through a driver class
 * it instantiates itself, so it needs one (public, with a public no-argument constructor).
 */
public final class FakeDriver implements Driver {
    public static final String URL = "jdbc:tether-fake:bench";

    public FakeDriver() {
    }

    @Override
    public Connection connect(String url, Properties info) {
        return acceptsURL(url) ? new FakeConnection() : null;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith("jdbc:tether-fake:");
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the fake driver does not log");
    }
}
