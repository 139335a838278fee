package dev.tether.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** One way of getting a connection per request; the load demo runs them side by side. */
public enum Mode {
    RAW("raw", "each platform thread holds one raw JDBC connection (the reference)"),
    PER_REQUEST("per-request", "Tether, CONN_MAX_AGE=0: a new connection per request (Django's default)"),
    THREAD("thread", "Tether, thread-local persistence: a connection parked with each platform thread"),
    CONTEXT("context", "Tether, context-local persistence on virtual threads, MAX_CONNECTIONS=cap"),
    HIKARI("hikari", "HikariCP with cap connections, platform threads");

    private final String label;
    private final String description;

    Mode(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Whether this mode's connections are bounded by the cap rather than by the clients. */
    public boolean capped() {
        return this == CONTEXT || this == HIKARI;
    }

    static Mode parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Mode mode : values()) {
            if (mode.label.equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + text.strip() + "'; use any of " + names());
    }

    static String names() {
        return Arrays.stream(values()).map(Mode::label).collect(Collectors.joining(", "));
    }
}
