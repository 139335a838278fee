package dev.tether.engine.internal;

import dev.tether.api.ContextState;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who holds connections: a thread, or a context (a request under an adapter's storage, a scope of
 * {@code inContext}). Its wrappers are created lazily, one per alias; its units of work nest, and may be
 * closed from another thread.
 */
final class Owner implements ContextState {
    private static final AtomicLong IDS = new AtomicLong();
    private static final VarHandle DEPTH;

    static {
        try {
            DEPTH = MethodHandles.lookup().findVarHandle(Owner.class, "depth", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The engine whose connections this owner holds. */
    final Engine engine;
    /** The thread this owner lives and dies with, or null for a context that outlives threads. */
    final Thread thread;
    private final long id = IDS.incrementAndGet();
    private final Wrapper[] wrappers;
    /** Units of work open; the outermost one sends the signals. */
    private volatile int depth;

    Owner(Engine engine, Thread thread, int aliases) {
        this.engine = engine;
        this.thread = thread;
        this.wrappers = new Wrapper[aliases];
    }

    Wrapper wrapper(Pool pool) {
        Wrapper wrapper = wrappers[pool.index];
        return wrapper != null ? wrapper : create(pool); // a Wrapper's fields are final: safe to read unlocked
    }

    private synchronized Wrapper create(Pool pool) {
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

    /** One more unit open; true when it is the outermost. */
    boolean enterUnit() {
        return (int) DEPTH.getAndAdd(this, 1) == 0;
    }

    /** One unit fewer; true when the outermost closed. A close with none open counts as the outermost (Django's signal). */
    boolean exitUnit() {
        while (true) {
            int d = depth;
            if (d == 0) {
                return true;
            }
            if (DEPTH.compareAndSet(this, d, d - 1)) {
                return d == 1;
            }
        }
    }

    boolean inUnit() {
        return depth > 0;
    }

    boolean threadDied() {
        return thread != null && !thread.isAlive();
    }

    /** For messages naming holders. */
    String describe() {
        return thread != null ? "thread '" + thread.getName() + "'" : "context #" + id;
    }
}
