package dev.tether.engine.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A physical connection bound to one owner's wrapper. While the owner uses it the lease is IN_USE;
 * between requests (thread persistence) it is PARKED and may be revoked by the pool or the reaper.
 * Only a compare-and-set moves it out of PARKED, so it is never held by two owners at once.
 */
final class Lease {
    static final int IN_USE = 0;
    static final int PARKED = 1;
    static final int REVOKED = 2;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Lease.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Wrapper wrapper;
    final Physical physical;
    /** Taken from the reservoir or another owner, rather than opened for this owner. */
    final boolean reused;
    private volatile int state = IN_USE;
    /** Views carry the epoch they were made in; a release ends them by moving it on. */
    volatile int epoch;
    /** Views handed out and not yet closed in the current epoch; touched by the owner only. */
    int handles;

    Lease(Wrapper wrapper, Physical physical, boolean reused) {
        this.wrapper = wrapper;
        this.physical = physical;
        this.reused = reused;
    }

    int state() {
        return state;
    }

    boolean move(int from, int to) {
        return STATE.compareAndSet(this, from, to);
    }

    void revoke() {
        state = REVOKED;
        epoch++;
    }

    void park() {
        epoch++;
        handles = 0;
        state = PARKED;
    }
}
