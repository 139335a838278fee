package dev.tether.engine.internal;

import dev.tether.api.ContextState;

/**
 * Who holds connections: a thread (thread-local storage) or a context (adapter storage, a scope).
 * Its wrappers are created lazily, one per alias.
 */
final class Owner implements ContextState {
    /** The engine whose connections this owner holds. */
    final Engine engine;
    /** The thread this owner lives on, or null for a context that hops threads. */
    final Thread thread;
    private final Wrapper[] wrappers;
    /** Nesting of units of work; the outermost one sends the signals. */
    int depth;
    boolean inRequest;

    Owner(Engine engine, Thread thread, int aliases) {
        this.engine = engine;
        this.thread = thread;
        this.wrappers = new Wrapper[aliases];
    }

    Wrapper wrapper(Pool pool) {
        Wrapper wrapper = wrappers[pool.index];
        if (wrapper == null) {
            wrapper = new Wrapper(engine, pool, this);
            wrappers[pool.index] = wrapper;
        }
        return wrapper;
    }

    Wrapper[] wrappers() {
        return wrappers;
    }

    boolean threadDied() {
        return thread != null && !thread.isAlive();
    }
}
