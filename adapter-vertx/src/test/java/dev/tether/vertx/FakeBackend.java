package dev.tether.vertx;

import dev.tether.api.DatabaseSettings;
import dev.tether.spi.Backend;
import dev.tether.spi.ErrorClass;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Connections to nowhere: {@code nativeSQL(anything)} answers the physical connection's number. */
final class FakeBackend implements Backend {
    final AtomicInteger opened = new AtomicInteger();
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
        String id = "connection-" + opened.incrementAndGet();
        boolean[] state = {true, false}; // autocommit, closed
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "nativeSQL", "toString" -> id;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "getAutoCommit" -> state[0];
                    case "setAutoCommit" -> {
                        state[0] = (Boolean) args[0];
                        yield null;
                    }
                    case "close" -> {
                        state[1] = true;
                        yield null;
                    }
                    case "isClosed" -> state[1];
                    case "isValid" -> !state[1];
                    case "commit", "rollback", "clearWarnings" -> null;
                    default -> throw new SQLException("FakeBackend does not support " + method.getName());
                });
    }

    @Override
    public void initialize(Connection connection, DatabaseSettings settings) throws SQLException {
        connection.setAutoCommit(settings.autocommit());
    }

    @Override
    public boolean isUsable(Connection connection) {
        try {
            return !connection.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public ErrorClass classify(SQLException error) {
        return ErrorClass.OTHER;
    }
}
