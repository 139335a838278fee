package dev.tether.bench.jmh;

import dev.tether.api.DatabaseSettings;
import dev.tether.spi.Backend;
import dev.tether.spi.ErrorClass;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Tether's backend for {@link FakeConnection}s: engine name "fake". */
final class FakeBackend implements Backend {
    static final String ENGINE = "fake";

    @Override
    public List<String> engineNames() {
        return List.of(ENGINE);
    }

    @Override
    public int defaultPort() {
        return 1;
    }

    @Override
    public Connection connect(DatabaseSettings settings) {
        return new FakeConnection();
    }

    @Override
    public void initialize(Connection connection, DatabaseSettings settings) throws SQLException {
        connection.setAutoCommit(settings.autocommit());
    }

    @Override
    public boolean isUsable(Connection connection) {
        return !((FakeConnection) connection).isClosed();
    }

    @Override
    public ErrorClass classify(SQLException error) {
        return ErrorClass.OTHER;
    }
}
