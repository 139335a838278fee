package dev.tether.testing.fake;

import dev.tether.api.DatabaseSettings;
import dev.tether.spi.Backend;
import dev.tether.spi.ErrorClass;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A backend over {@link FakeConnection}s, counting what the engine asks of it. */
public final class TestBackend implements Backend {
    public final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
    public final AtomicInteger pings = new AtomicInteger();
    /** Times two threads were inside one connection at once, over all connections. */
    public final AtomicInteger overlaps = new AtomicInteger();
    /** Runs on the thread that closes any of its connections, before it is closed. */
    public volatile Runnable onClose = () -> {
    };
    /** The most connections open at once. */
    public final AtomicInteger peakOpen = new AtomicInteger();
    /** When set, connecting fails with this SQLSTATE. */
    public volatile String failConnectWith;
    /** When set, connecting throws this (a driver bug, a missing class). */
    public volatile Error throwOnConnect;

    @Override
    public List<String> engineNames() {
        return List.of("test");
    }

    @Override
    public int defaultPort() {
        return 7777;
    }

    @Override
    public Connection connect(DatabaseSettings settings) throws SQLException {
        if (throwOnConnect != null) {
            throw throwOnConnect;
        }
        if (failConnectWith != null) {
            throw new SQLException("simulated connect failure", failConnectWith);
        }
        FakeConnection connection = new FakeConnection(connections.size() + 1, overlaps);
        connection.onClose = () -> onClose.run();
        connections.add(connection);
        peakOpen.accumulateAndGet((int) connections.stream().filter(c -> !c.closed).count(), Math::max);
        return connection.jdbc;
    }

    @Override
    public void initialize(Connection connection, DatabaseSettings settings) throws SQLException {
        connection.setAutoCommit(settings.autocommit());
    }

    @Override
    public boolean isUsable(Connection connection) {
        pings.incrementAndGet();
        FakeConnection fake = of(connection);
        return fake.alive && !fake.closed;
    }

    @Override
    public boolean inTransaction(Connection connection) {
        return of(connection).sqlTransaction;
    }

    @Override
    public ErrorClass classify(SQLException error) {
        String state = error.getSQLState() == null ? "" : error.getSQLState();
        if (state.startsWith("22")) {
            return ErrorClass.DATA;
        }
        if (state.startsWith("23")) {
            return ErrorClass.INTEGRITY;
        }
        if (state.startsWith("08")) {
            return ErrorClass.BROKEN;
        }
        return state.equals("40001") ? ErrorClass.TRANSIENT : ErrorClass.OTHER;
    }

    public FakeConnection of(Connection jdbc) {
        return connections.stream().filter(c -> c.jdbc == jdbc).findFirst().orElseThrow();
    }

    /** Connections opened and not closed yet. */
    public long openCount() {
        return connections.stream().filter(c -> !c.closed).count();
    }

    /** The most recently opened connection. */
    public FakeConnection last() {
        return connections.getLast();
    }

    public int opened() {
        return connections.size();
    }
}
