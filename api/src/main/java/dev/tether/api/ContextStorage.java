package dev.tether.api;

/**
 * Where the engine keeps its state for "the current context". The default is a thread-local (one
 * context per thread); an adapter supplies its own for contexts that hop threads (a Vert.x context,
 * a Micronaut propagated context). Contexts end through {@link Signals#requestFinished()} or
 * {@link UnitOfWork#close()}.
 */
public interface ContextStorage {
    /** The state stored for the current context, or {@code null} if none was stored or there is no context. */
    ContextState get();

    /**
     * Stores state for the current context; {@code null} clears it.
     *
     * @throws TetherException if there is no current context to store into, saying what the caller should do
     */
    void set(ContextState state);

    /**
     * Called before a connection is handed out or opened. A storage for an event-loop framework throws here
     * when the caller is on an event-loop thread, saying how to run the work off it instead.
     */
    default void checkMayBlock(String alias) {
    }
}
