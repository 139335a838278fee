package dev.tether.vertx;

import java.sql.SQLException;

/**
 * A function that may throw {@link SQLException}: the work done with a connection.
 *
 * @param <T> what the function takes, usually a {@link java.sql.Connection}
 * @param <R> what it returns
 */
@FunctionalInterface
public interface SqlFunction<T, R> {
    /**
     * Does the work.
     *
     * @param value what to work with, usually a connection
     * @return the result
     * @throws SQLException if the database work fails
     */
    R apply(T value) throws SQLException;
}
