package dev.tether.api;

/**
 * The request lifecycle, as adapters and embedders report it, and the listeners that observe it.
 * "Current" means the calling thread's (thread persistence) or the current context's.
 */
public interface Signals {
    /** Django's {@code request_started}: applies the connection rules to the current owner's connections. */
    void requestStarted();

    /** Django's {@code request_finished}: applies the rules, then releases the current owner's connections. */
    void requestFinished();

    /**
     * Starts a unit of work for the current thread or context; close it to finish.
     *
     * @return the unit of work, which sent "request started"
     */
    UnitOfWork begin();

    /**
     * Adds a listener.
     *
     * @param listener receives every signal from now on
     * @return a handle whose {@code close()} removes the listener
     */
    AutoCloseable subscribe(TetherListener listener);
}
