package dev.tether.api;

/**
 * Receives the timings and outcomes of one Tether's pools, for metrics (the {@code tether-metrics-micrometer}
 * module implements it). Calls come on the threads that acquire, release and close connections, so an observer
 * must be quick and must not block; one that throws is logged and skipped. Every method has a no-op default.
 * With no observer registered the engine reads no clock for it and allocates nothing.
 */
public interface PoolObserver {
    /** A physical connection was opened and initialised in {@code nanos}. */
    default void connectionOpened(String alias, long nanos) {
    }

    /** An owner got a connection after waiting {@code nanos} (0 when it took back its own parked one). */
    default void connectionAcquired(String alias, long nanos) {
    }

    /** An owner let its connection go after using it for {@code nanos}. */
    default void connectionReleased(String alias, long nanos) {
    }

    /** A caller gave up waiting for a connection after ACQUIRE_TIMEOUT. */
    default void acquireTimedOut(String alias) {
    }

    /** A physical connection was closed. */
    default void connectionClosed(String alias, CloseReason reason) {
    }

    /** A transaction left open when its unit of work ended was rolled back. */
    default void transactionRolledBack(String alias) {
    }

    /** A health check (CONN_HEALTH_CHECKS) pinged a reused connection in {@code nanos}; {@code usable} is its answer. */
    default void healthChecked(String alias, boolean usable, long nanos) {
    }
}
