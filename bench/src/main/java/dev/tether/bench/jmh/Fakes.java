package dev.tether.bench.jmh;

import java.sql.SQLException;

/** What the fake JDBC objects share. */
final class Fakes {
    private Fakes() {
    }

    /** {@code Wrapper.unwrap} for an object that wraps nothing. */
    static <T> T unwrap(Object self, Class<T> type) throws SQLException {
        if (type.isInstance(self)) {
            return type.cast(self);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }
}
