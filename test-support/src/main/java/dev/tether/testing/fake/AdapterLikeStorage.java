package dev.tether.testing.fake;

import dev.tether.api.ContextState;
import dev.tether.api.ContextStorage;

/**
 * A context storage shaped like an adapter's: state kept per thread, but its contexts declared not to be threads
 * (so {@code PERSISTENCE=thread} is refused), and, when asked for, each thread named as its context's owner, as
 * an adapter does for code outside its requests.
 */
public final class AdapterLikeStorage implements ContextStorage {
    private final ThreadLocal<ContextState> current = new ThreadLocal<>();
    private final boolean threadsOwnTheirContexts;

    /** @param threadsOwnTheirContexts whether {@link #ownerThread()} answers the calling thread (else null) */
    public AdapterLikeStorage(boolean threadsOwnTheirContexts) {
        this.threadsOwnTheirContexts = threadsOwnTheirContexts;
    }

    @Override
    public ContextState get() {
        return current.get();
    }

    @Override
    public void set(ContextState state) {
        current.set(state);
    }

    @Override
    public Thread ownerThread() {
        return threadsOwnTheirContexts ? Thread.currentThread() : null;
    }
}
