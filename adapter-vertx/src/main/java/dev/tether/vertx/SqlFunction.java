package dev.tether.vertx;

import java.sql.SQLException;

/** A function that may throw {@link SQLException}: the work done with a connection. */
@FunctionalInterface
public interface SqlFunction<T, R> {
    R apply(T value) throws SQLException;
}
