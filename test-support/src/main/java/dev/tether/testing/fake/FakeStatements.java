package dev.tether.testing.fake;

import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements, result sets and metadata of one {@link FakeConnection}, remembering which were closed and
 * how often. Like a real driver, closing a statement (or running a new query on it) closes its result set.
 * A result set's column 1 holds the row number (as int or "row N"); any other column fails with 42703. A prepared
 * statement's setters by index for ints, longs, strings, nulls, dates, times and timestamps are accepted and bind
 * nothing. Like pgjdbc and Connector/J, a statement or result set refuses calls once closed.
 */
public final class FakeStatements {
    /** What the fake driver's statements and result sets also implement, so tests can unwrap to them. */
    public interface DriverObject {
    }

    /** One statement or result set a test can inspect. */
    public static final class Made {
        public final String kind;
        public boolean closed;
        /** close() calls, repeated ones included: a tracker must not close what the user already closed. */
        public int closeCalls;
        Made current; // a statement's open result set

        Made(String kind) {
            this.kind = kind;
        }

        void close() {
            closeCalls++;
            closed = true;
            if (current != null && !current.closed) {
                current.close();
            }
        }
    }

    private final FakeConnection connection;
    public final List<Made> statements = new ArrayList<>();
    public final List<Made> resultSets = new ArrayList<>();

    FakeStatements(FakeConnection connection) {
        this.connection = connection;
    }

    public long openStatements() {
        return statements.stream().filter(m -> !m.closed).count();
    }

    public long openResultSets() {
        return resultSets.stream().filter(m -> !m.closed).count();
    }

    /** Close calls on statements and result sets that were already closed. */
    public int repeatedCloses() {
        return statements.stream().mapToInt(m -> Math.max(0, m.closeCalls - 1)).sum()
                + resultSets.stream().mapToInt(m -> Math.max(0, m.closeCalls - 1)).sum();
    }

    /** What a fake does for the calls that are not common to every JDBC object. */
    @FunctionalInterface
    private interface Calls {
        Object on(Object proxy, String name, Object[] args) throws SQLException;
    }

    /** A fake JDBC object: close, isClosed, identity and unwrapping as a driver has them; the rest once checked open. */
    private Object fake(Class<?> type, Made made, Calls calls) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{type, DriverObject.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    switch (name) {
                        case "close" -> {
                            made.close();
                            return null;
                        }
                        case "isClosed" -> {
                            return made.closed;
                        }
                        case "toString" -> {
                            return "Fake" + made.kind;
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "unwrap" -> {
                            if (((Class<?>) args[0]).isInstance(proxy)) {
                                return proxy;
                            }
                            throw new SQLException("not a wrapper for " + ((Class<?>) args[0]).getName(), "HY000");
                        }
                        case "isWrapperFor" -> {
                            return ((Class<?>) args[0]).isInstance(proxy);
                        }
                        default -> {
                        }
                    }
                    connection.beforeStatementCall.accept(name);
                    if (made.closed) {
                        throw new SQLException(made.kind + " is closed", "HY010");
                    }
                    return calls.on(proxy, name, args);
                });
    }

    /** A statement of the given interface; a prepared or callable one runs {@code sql}. */
    Object statement(Class<?> type, String sql) {
        Made made = new Made(type.getSimpleName());
        statements.add(made);
        return fake(type, made, (proxy, name, args) -> switch (name) {
            case "execute", "executeUpdate", "executeQuery" -> {
                Object result = connection.execute(sql != null ? sql : (String) args[0], name);
                if (!name.equals("executeQuery")) {
                    yield result;
                }
                if (made.current != null && !made.current.closed) {
                    made.current.close(); // a new query closes the statement's previous result set
                }
                made.current = new Made("ResultSet");
                yield resultSet(made.current, (Integer) result, proxy);
            }
            case "getConnection" -> connection.jdbc;
            case "setInt", "setLong", "setString", "setNull", "setDate", "setTime", "setTimestamp" -> {
                if ((Integer) args[0] < 1) {
                    throw new SQLException("no parameter " + args[0], "07009");
                }
                yield null; // bound on the client, as drivers do
            }
            default -> throw new SQLException("Fake" + made.kind + " does not support " + name);
        });
    }

    DatabaseMetaData metaData() {
        return (DatabaseMetaData) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{DatabaseMetaData.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getTables" -> resultSet(new Made("ResultSet"), 1, null);
                    case "getConnection" -> connection.jdbc;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "FakeMetaData";
                    default -> throw new SQLException("FakeMetaData does not support " + method.getName(), "0A000");
                });
    }

    private ResultSet resultSet(Made made, int rows, Object statement) {
        resultSets.add(made);
        int[] row = {0};
        return (ResultSet) fake(ResultSet.class, made, (proxy, name, args) -> switch (name) {
            case "next" -> ++row[0] <= rows;
            case "getInt", "getString" -> {
                if (!Integer.valueOf(1).equals(args[0])) {
                    throw new SQLException("no column " + args[0], "42703");
                }
                yield name.equals("getInt") ? (Object) row[0] : "row " + row[0];
            }
            case "getStatement" -> statement;
            default -> throw new SQLException("FakeResultSet does not support " + name);
        });
    }
}
