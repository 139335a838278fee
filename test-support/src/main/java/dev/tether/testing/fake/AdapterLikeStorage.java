package dev.tether.testing.fake;

import dev.tether.api.ContextState;
import dev.tether.api.ContextStorage;

/**
 * A context storage shaped like an adapter's: state kept per thread, but its contexts declared not to be threads
 * (so {@code PERSISTENCE=thread} is refused), and, when asked for, each thread named as its context's owner, as
 * an adapter does for code outside its requests. One made by {@link #onEventLoop()} also says every thread must not
 * block, as an event loop's storage does where requests end.
 */
public final class AdapterLikeStorage implements ContextStorage {
    private final ThreadLocal<ContextState> current = new ThreadLocal<>();
    private final boolean threadsOwnTheirContexts;
    private final boolean eventLoop;

    /** @param threadsOwnTheirContexts whether {@link #ownerThread()} answers the calling thread (else null) */
    public AdapterLikeStorage(boolean threadsOwnTheirContexts) {
        this(threadsOwnTheirContexts, false);
    }

    private AdapterLikeStorage(boolean threadsOwnTheirContexts, boolean eventLoop) {
        this.threadsOwnTheirContexts = threadsOwnTheirContexts;
        this.eventLoop = eventLoop;
    }

    /**
     * A storage whose contexts end where blocking is not allowed (its {@link #mustNotBlock()} says true), each
     * thread named as its context's owner.
     */
    public static AdapterLikeStorage onEventLoop() {
        return new AdapterLikeStorage(true, true);
    }

    @Override
    public boolean mustNotBlock() {
        return eventLoop;
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
