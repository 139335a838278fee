package dev.tether.engine.internal;

import dev.tether.api.ContextState;
import dev.tether.api.ContextStorage;

/** The default context storage: one context per thread. */
final class ThreadLocalStorage implements ContextStorage {
    private final ThreadLocal<ContextState> local = new ThreadLocal<>();

    @Override
    public ContextState get() {
        return local.get();
    }

    @Override
    public void set(ContextState state) {
        if (state == null) {
            local.remove();
        } else {
            local.set(state);
        }
    }

    @Override
    public boolean contextsAreThreads() {
        return true;
    }

    @Override
    public Thread ownerThread() {
        return Thread.currentThread();
    }
}
