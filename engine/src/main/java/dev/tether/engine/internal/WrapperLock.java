package dev.tether.engine.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The reentrant lock that guards a {@link Wrapper}, kept in the wrapper's own fields: a lock object of its own (a
 * {@code ReentrantLock}'s) would be one more object each request writes, and one a collection can pack next to
 * another thread's (see {@link Padding}). {@link #lock()} waits without a timeout, and without giving up on an
 * interrupt, which it keeps; {@link #tryLock()} never waits.
 *
 * <pre>
 *            lock (CAS)                 lock by another thread (swap)
 *   FREE ────────────────► HELD ───────────────────────────────────► CONTENDED
 *     ▲                     │                                            │
 *     └──── unlock ─────────┘◄──── unlock: FREE, then every waiter ──────┘
 *                                  is woken to try again
 * </pre>
 *
 * A waiter marks the lock CONTENDED and queues before it parks, and parks only while the lock is still CONTENDED;
 * the holder sets FREE before it wakes the queue. So either the waiter sees FREE, or it is queued in time to be woken.
 * Waking every waiter, rather than one, keeps a waiter that stopped waiting from swallowing the wake-up; waiting on a
 * wrapper is rare (a unit closed from another thread, threads sharing one wrapper).
 */
abstract class WrapperLock extends Padding {
    private static final int FREE = 0;
    private static final int HELD = 1;
    private static final int CONTENDED = 2;
    private static final VarHandle STATE;
    private static final VarHandle WAITERS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(WrapperLock.class, "state", int.class);
            WAITERS = lookup.findVarHandle(WrapperLock.class, "waiters", ConcurrentLinkedQueue.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int state;
    /** The holding thread, set by it after taking the lock and cleared before leaving it. */
    private Thread holder;
    /** How often the holder took the lock again inside its hold. */
    private int reentries;
    /** Threads that may be parked waiting; made at the first contention. */
    private volatile ConcurrentLinkedQueue<Thread> waiters;

    final boolean tryLock() {
        Thread me = Thread.currentThread();
        if (STATE.compareAndSet(this, FREE, HELD)) {
            holder = me;
            return true;
        }
        if (holder == me) {
            reentries++;
            return true;
        }
        return false;
    }

    final void lock() {
        if (!tryLock()) {
            waitForLock();
        }
    }

    private void waitForLock() {
        Thread me = Thread.currentThread();
        ConcurrentLinkedQueue<Thread> queue = waiters();
        boolean interrupted = false;
        while ((int) STATE.getAndSet(this, CONTENDED) != FREE) {
            queue.add(me);
            if (state == CONTENDED) {
                LockSupport.park(this);
            }
            queue.remove(me);
            interrupted |= Thread.interrupted(); // or park would return at once from now on
        }
        holder = me; // taken as CONTENDED: its unlock wakes the others to try again
        if (interrupted) {
            me.interrupt();
        }
    }

    final void unlock() {
        if (holder != Thread.currentThread()) {
            throw new IllegalMonitorStateException("the wrapper's lock is not held by this thread");
        }
        if (reentries > 0) {
            reentries--;
            return;
        }
        holder = null;
        if ((int) STATE.getAndSet(this, FREE) == CONTENDED) {
            ConcurrentLinkedQueue<Thread> queue = waiters;
            for (Thread waiting : queue) {
                LockSupport.unpark(waiting);
            }
        }
    }

    private ConcurrentLinkedQueue<Thread> waiters() {
        ConcurrentLinkedQueue<Thread> queue = waiters;
        if (queue == null) {
            WAITERS.compareAndSet(this, null, new ConcurrentLinkedQueue<Thread>());
            queue = waiters;
        }
        return queue;
    }
}
