package dev.tether.micronaut;

import dev.tether.api.DatabaseSettings;
import dev.tether.spi.Backend;
import dev.tether.spi.ErrorClass;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A backend for engine "fake" whose connections go nowhere and remember whether they were closed. */
final class FakeBackend implements Backend {
    final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
    /** When set, connecting fails as a stopped server would. */
    volatile boolean refuse;

    @Override
    public List<String> engineNames() {
        return List.of("fake");
    }

    @Override
    public int defaultPort() {
        return 1;
    }

    @Override
    public Connection connect(DatabaseSettings settings) throws SQLException {
        if (refuse) {
            throw new SQLException("Connection refused", "08001");
        }
        FakeConnection connection = new FakeConnection();
        connections.add(connection);
        return connection.jdbc;
    }

    @Override
    public void initialize(Connection connection, DatabaseSettings settings) throws SQLException {
        connection.setAutoCommit(settings.autocommit());
    }

    @Override
    public boolean isUsable(Connection connection) {
        return connections.stream().anyMatch(c -> c.jdbc == connection && !c.closed);
    }

    @Override
    public ErrorClass classify(SQLException error) {
        return ErrorClass.OTHER;
    }

    long openCount() {
        return connections.stream().filter(c -> !c.closed).count();
    }

    static final class FakeConnection {
        final Connection jdbc;
        volatile boolean closed;
        /** Whether close() ran on a Netty event-loop thread. */
        volatile boolean closedOnEventLoop;
        private volatile boolean autocommit = true;

        FakeConnection() {
            jdbc = (Connection) Proxy.newProxyInstance(FakeBackend.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "close" -> {
                            closedOnEventLoop = MicronautContextStorage.onEventLoop();
                            closed = true;
                            yield null;
                        }
                        case "isClosed" -> closed;
                        case "isValid" -> !closed;
                        case "setAutoCommit" -> {
                            autocommit = (Boolean) args[0];
                            yield null;
                        }
                        case "getAutoCommit" -> autocommit;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "FakeConnection";
                        default -> throw new SQLException("FakeBackend does not implement " + method.getName());
                    });
        }
    }
}
