package dev.tether.bench.jmh;

import java.sql.SQLException;
import java.sql.Wrapper;

/** What the fake connection, statements and result sets share: a closed flag, and wrapping nothing. */
abstract class FakeJdbcObject implements Wrapper, AutoCloseable {
    private boolean closed;

    @Override
    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (!isWrapperFor(type)) {
            throw new SQLException("not a wrapper for " + type.getName());
        }
        return type.cast(this);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
