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
abstract class Owner extends Padding implements ContextState {
    private static final AtomicLong IDS = new AtomicLong();
    private static final VarHandle UNITS;
    /** One outermost unit begun, in {@link #units}. */
    private static final long ONE_BEGUN = 1L << 32;

    static {
        try {
            UNITS = MethodHandles.lookup().findVarHandle(Owner.class, "units", long.class);
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
    /**
     * Units of work open (the low 32 bits; the outermost one sends the signals) and outermost units begun (the high
     * 32 bits, which number them), in one word changed by compare-and-set.
     */
    private volatile long units;

    private Owner(Engine engine, Thread thread, int aliases) {
        this.engine = engine;
        this.thread = thread;
        this.wrappers = new Wrapper[aliases];
    }

    /** An owner, padded on both sides (see {@link Padding}). */
    static Owner of(Engine engine, Thread thread, int aliases) {
        return new Padded(engine, thread, aliases);
    }

    private static final class Padded extends Owner {
        @SuppressWarnings("unused")
        private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

        Padded(Engine engine, Thread thread, int aliases) {
            super(engine, thread, aliases);
        }
    }

    Wrapper wrapper(Pool pool) {
        Wrapper wrapper = wrappers[pool.index];
        return wrapper != null ? wrapper : create(pool); // a Wrapper's fields are final: safe to read unlocked
    }

    private synchronized Wrapper create(Pool pool) {
        Wrapper wrapper = wrappers[pool.index];
        if (wrapper == null) {
            wrapper = Wrapper.of(engine, pool, this);
            wrappers[pool.index] = wrapper;
        }
        return wrapper;
    }

    Wrapper[] wrappers() {
        return wrappers;
    }

    /** One more unit open; true when it is the outermost, which is numbered. */
    boolean enterUnit() {
        while (true) {
            long u = units;
            boolean outermost = (int) u == 0;
            if (UNITS.compareAndSet(this, u, u + 1 + (outermost ? ONE_BEGUN : 0))) {
                return outermost;
            }
        }
    }

    /**
     * A request starts: a unit opens, or, after a request that never finished, the open one counts as a new one (the
     * request signals do not nest). One compare-and-set, so a unit closed meanwhile on another thread cannot leave the
     * request outside any unit. True when a unit was open.
     */
    boolean startRequest() {
        while (true) {
            long u = units;
            boolean open = (int) u > 0;
            if (UNITS.compareAndSet(this, u, u + ONE_BEGUN + (open ? 0 : 1))) {
                return open;
            }
        }
    }

    /** One unit fewer; true when the outermost closed. A close with none open counts as the outermost (Django's signal). */
    boolean exitUnit() {
        while (true) {
            long u = units;
            int depth = (int) u;
            if (depth == 0) {
                return true;
            }
            if (UNITS.compareAndSet(this, u, u - 1)) {
                return depth == 1;
            }
        }
    }

    boolean inUnit() {
        return (int) units > 0;
    }

    /** The number of the outermost unit begun last, from 1: a wrapper's health check counts for that unit only. */
    long unitNumber() {
        return (units >>> 32) + 1;
    }

    boolean threadDied() {
        return thread != null && !thread.isAlive();
    }

    /** For messages naming holders. */
    String describe() {
        if (thread == null) {
            return "context #" + id;
        }
        String name = thread.getName();
        return name.isEmpty() ? (thread.isVirtual() ? "virtual thread #" : "thread #") + thread.threadId()
                : "thread '" + name + "'"; // virtual threads have no name unless given one
    }
}
