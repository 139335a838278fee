package dev.tether.api;

/**
 * Where the engine keeps its state for "the current context". The default is a thread-local (one
 * context per thread); an adapter supplies its own for contexts that hop threads (a Vert.x context,
 * a Micronaut propagated context). Contexts end through {@link Signals#requestFinished()} or
 * {@link UnitOfWork#close()}.
 */
public interface ContextStorage {
    /**
     * The state stored for the current context.
     *
     * @return the state, or {@code null} if none was stored or there is no context
     */
    ContextState get();

    /**
     * Stores state for the current context.
     *
     * @param state the engine's state for this context; {@code null} clears it
     * @throws TetherException if there is no current context to store into, saying what the caller should do
     */
    void set(ContextState state);

    /**
     * Called before a connection is handed out or opened. A storage for an event-loop framework throws here
     * when the caller is on an event-loop thread, saying how to run the work off it instead.
     *
     * @param alias the alias whose connection is asked for, for the message
     */
    default void checkMayBlock(String alias) {
    }

    /**
     * Whether this storage's contexts are threads, so that {@code PERSISTENCE=thread} can park a connection with
     * its thread between units of work. The engine refuses {@code PERSISTENCE=thread} at start-up for a storage
     * whose contexts hop threads (a request that runs on an event loop, then on a worker).
     *
     * @return whether each context is exactly one thread
     */
    default boolean contextsAreThreads() {
        return false;
    }

    /**
     * The thread the current context lives and dies with, or {@code null} when it outlives any one thread (a
     * request, a Vert.x context). When that thread has died, the engine takes back the context's connections
     * once no call on them is in flight.
     *
     * @return the owner thread, or {@code null}
     */
    default Thread ownerThread() {
        return null;
    }

    /**
     * Whether the current thread must not block (an event loop). The engine then runs the blocking part of a
     * request's end (rollback, session reset, ping, close) on a thread of its own.
     *
     * @return whether the current thread must not block
     */
    default boolean mustNotBlock() {
        return false;
    }
}
