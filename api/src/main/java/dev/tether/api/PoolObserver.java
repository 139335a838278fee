package dev.tether.api;

/**
 * Receives the timings and outcomes of one Tether's pools, for metrics (the {@code tether-metrics-micrometer}
 * module implements it). Calls come on the threads that acquire, release and close connections, so an observer
 * must be quick and must not block; one that throws is logged and skipped. Every method has a no-op default.
 * With no observer registered the engine reads no clock for it and allocates nothing.
 */
public interface PoolObserver {
    /**
     * A physical connection was opened and initialised.
     *
     * @param alias the database alias
     * @param nanos how long opening and initialising took, in nanoseconds
     */
    default void connectionOpened(String alias, long nanos) {
    }

    /**
     * An owner got a connection.
     *
     * @param alias the database alias
     * @param nanos how long it waited, in nanoseconds (0 when it took back its own parked one)
     */
    default void connectionAcquired(String alias, long nanos) {
    }

    /**
     * An owner let its connection go.
     *
     * @param alias the database alias
     * @param nanos how long it held the connection, in nanoseconds
     */
    default void connectionReleased(String alias, long nanos) {
    }

    /**
     * A caller gave up waiting for a connection after ACQUIRE_TIMEOUT.
     *
     * @param alias the database alias
     */
    default void acquireTimedOut(String alias) {
    }

    /**
     * A physical connection was closed.
     *
     * @param alias  the database alias
     * @param reason why the pool closed it
     */
    default void connectionClosed(String alias, CloseReason reason) {
    }

    /**
     * A transaction left open when its unit of work ended was rolled back.
     *
     * @param alias the database alias
     */
    default void transactionRolledBack(String alias) {
    }

    /**
     * A health check (CONN_HEALTH_CHECKS) pinged a reused connection.
     *
     * @param alias  the database alias
     * @param usable whether the connection answered and may be used
     * @param nanos  how long the ping took, in nanoseconds
     */
    default void healthChecked(String alias, boolean usable, long nanos) {
    }
}
