package dev.tether.api;

/**
 * Receives Tether's signals. Every method has a no-op default; a listener that throws is logged and
 * does not disturb the engine or other listeners.
 */
public interface TetherListener {
    /** A request (or unit of work) started on the current thread or context. */
    default void requestStarted() {
    }

    /** A request (or unit of work) finished. */
    default void requestFinished() {
    }

    /**
     * A physical connection was opened and initialised; fires once per physical connection.
     *
     * @param connection which connection, of which alias
     */
    default void connectionCreated(ConnectionEvent connection) {
    }

    /**
     * A physical connection was closed.
     *
     * @param connection which connection, of which alias
     * @param reason     why it was closed
     */
    default void connectionClosed(ConnectionEvent connection, CloseReason reason) {
    }

    /**
     * A transaction left open when its request or context ended was rolled back.
     *
     * @param connection which connection, of which alias
     */
    default void transactionRolledBack(ConnectionEvent connection) {
    }
}
