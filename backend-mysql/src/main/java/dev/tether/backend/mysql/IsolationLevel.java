package dev.tether.backend.mysql;

import java.sql.Connection;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The values of {@code OPTIONS.isolation_level}, spelt as in Django's MySQL backend. */
enum IsolationLevel {
    READ_UNCOMMITTED("read uncommitted", Connection.TRANSACTION_READ_UNCOMMITTED),
    READ_COMMITTED("read committed", Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ("repeatable read", Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE("serializable", Connection.TRANSACTION_SERIALIZABLE);

    private final String spelling;
    final int jdbcLevel;

    IsolationLevel(String spelling, int jdbcLevel) {
        this.spelling = spelling;
        this.jdbcLevel = jdbcLevel;
    }

    /** Django's spelling, in any case, with underscores or hyphens for the space. */
    static Optional<IsolationLevel> parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
        return Arrays.stream(values()).filter(level -> level.spelling.equals(wanted)).findFirst();
    }

    static String choices() {
        return Arrays.stream(values()).map(level -> "'" + level.spelling + "'").collect(Collectors.joining(", "));
    }
}
