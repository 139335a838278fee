package dev.tether.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One way of getting a connection per request; the load demo runs them side by side. Each mode runs its
 * clients on one kind of thread, and the verdicts compare only modes on the same kind: thread persistence
 * with HikariCP on platform threads, context persistence with HikariCP on virtual threads.
 */
public enum Mode {
    RAW("raw", false, "each platform thread holds one raw JDBC connection (the reference)"),
    PER_REQUEST("per-request", false, "Tether, CONN_MAX_AGE=0: a new connection per request (Django's default)"),
    THREAD("thread", false, "Tether, thread-local persistence: a connection parked with each platform thread"),
    HIKARI_PLATFORM("hikari-platform", false, "HikariCP with cap connections, on platform threads like thread"),
    CONTEXT("context", true, "Tether, context-local persistence on virtual threads, MAX_CONNECTIONS=cap"),
    HIKARI_VIRTUAL("hikari-virtual", true, "HikariCP with cap connections, on virtual threads like context");

    private final String label;
    private final boolean virtualThreads;
    private final String description;

    Mode(String label, boolean virtualThreads, String description) {
        this.label = label;
        this.virtualThreads = virtualThreads;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Whether the clients are virtual threads (else platform threads). */
    public boolean virtualThreads() {
        return virtualThreads;
    }

    public String threads() {
        return virtualThreads ? "virtual" : "platform";
    }

    /** Whether this mode's connections are bounded by the cap rather than by the clients. */
    public boolean capped() {
        return this == CONTEXT || this == HIKARI_PLATFORM || this == HIKARI_VIRTUAL;
    }

    /** Whether Tether serves this mode (so its RELEASE setting applies). */
    public boolean tether() {
        return this == PER_REQUEST || this == THREAD || this == CONTEXT;
    }

    /** HikariCP on the same kind of threads as this Tether mode, or null when none is: what a verdict compares. */
    public Mode hikariPeer() {
        return switch (this) {
            case THREAD -> HIKARI_PLATFORM;
            case CONTEXT -> HIKARI_VIRTUAL;
            default -> null;
        };
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
