package dev.tether.engine.internal;

import dev.tether.api.ConnectionEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Connection;
import java.util.concurrent.locks.LockSupport;

/**
 * One physical connection and the one state machine that says who may touch it. Its state and a
 * generation share one word, {@link #stamp}, changed only by compare-and-set, so a stale owner or handle
 * (one holding an older generation) can never move it:
 *
 * <pre>
 *              open (a slot under the cap)
 *                  │
 *                  ▼          unpark (owner's CAS)                 reserve (CAS: owner at its unit's end,
 *   ┌────────► IN_USE ◄──────────────────────── PARKED             pool, reaper, shutdown; waits for the
 *   │ grant       │ ▲                             ▲  │              calls in flight to return)
 *   │ (pool lock) │ │ grant                  park │  │ reserve
 *   │             ▼ │                             │  ▼
 *  IDLE ◄──────  RESERVED  ───────────────────────┘ RESERVED ──► ... (same RESERVED: one holder, no calls)
 * (reservoir)      │
 *                  ▼ close
 *               CLOSED
 * </pre>
 *
 * IN_USE: one owner's wrapper ({@link #holder}) uses it; handles made now carry the stamp and work while it
 * stands. PARKED: kept by its owner's thread between units (thread persistence). IDLE: in the reservoir.
 * RESERVED: exactly one party (whoever won the CAS) examines, cleans, hands over or closes it; no call is in
 * flight and none can start. CLOSED: gone. Every move out of IN_USE or PARKED raises the generation, so
 * handles and wrappers from before fail their next check.
 *
 * <p>Calls through a handle are counted in {@link #inFlight} ({@link #enter}/{@link #exit}); whoever reserves
 * an IN_USE connection waits until that count is zero, so nothing rolls back, resets, hands over or closes a
 * connection while a call on it runs. Fields other than the stamp and the count belong to whoever holds it:
 * its IN_USE holder, or the party that reserved it.
 */
abstract class Physical extends Padding {
    static final long NEVER = Long.MAX_VALUE;

    static final int IN_USE = 0;
    static final int PARKED = 1;
    static final int IDLE = 2;
    static final int RESERVED = 3;
    static final int CLOSED = 4;
    private static final int STATE_BITS = 3;
    private static final long STATE_MASK = (1 << STATE_BITS) - 1;

    private static final VarHandle STAMP;
    private static final VarHandle IN_FLIGHT;
    private static final VarHandle EXECUTING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STAMP = lookup.findVarHandle(Physical.class, "stamp", long.class);
            EXECUTING = lookup.findVarHandle(Physical.class, "executing", java.sql.Statement.class);
            IN_FLIGHT = lookup.findVarHandle(Physical.class, "inFlight", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long id;
    final Connection jdbc;
    final ConnectionEvent event;
    /** When it retires, by the engine's hot-path clock; {@link #NEVER} for unlimited max age. */
    final long closeAt;

    private volatile long stamp = stamp(1, IN_USE);
    private volatile int inFlight;
    /** A thread waiting for the calls in flight to return. */
    private volatile Thread drainer;

    /**
     * The statement executing on it now, if any: shutdown cancels it on the server before aborting. Set by a release
     * store (no fence: the call's count in flight orders it), read by shutdown.
     */
    private volatile java.sql.Statement executing;
    /**
     * The wrapper that holds it while IN_USE or PARKED; read by the pool to name holders. Plain, like
     * {@link #heldSince} and {@link #lastReleased}: written before the compare-and-set that hands it over, parks it
     * or puts it in the reservoir, and read by others after they read that stamp.
     */
    Wrapper holder;
    /** When its holder took it: by the exact clock while anyone times uses, else by the hot-path clock. */
    long heldSince;
    /** When it was last let go, by the hot-path clock. */
    long lastReleased;
    /** Opened for its holder and not released yet: Django's health check skips a new connection. */
    boolean fresh = true;

    /** Autocommit as last set through Tether (Django caches it the same way). */
    boolean autocommit;
    /** An error other than a data or integrity error occurred since the last commit or rollback. */
    boolean errorsOccurred;
    /** The backend said the connection is gone; no check can save it. */
    boolean broken;
    /** Statements ran with autocommit off since the last commit or rollback. */
    boolean transactionOpen;
    final SessionState session = new SessionState();
    /** Statements handed out on it and not yet closed; closed when it is released. */
    final OpenStatements openStatements = new OpenStatements();

    private Physical(long id, String alias, Connection jdbc, long closeAt, boolean autocommit) {
        this.id = id;
        this.jdbc = jdbc;
        this.event = new ConnectionEvent(alias, id);
        this.closeAt = closeAt;
        this.autocommit = autocommit;
    }

    /** A connection's state, padded on both sides (see {@link Padding}). */
    static Physical of(long id, String alias, Connection jdbc, long closeAt, boolean autocommit) {
        return new Padded(id, alias, jdbc, closeAt, autocommit);
    }

    private static final class Padded extends Physical {
        @SuppressWarnings("unused")
        private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

        Padded(long id, String alias, Connection jdbc, long closeAt, boolean autocommit) {
            super(id, alias, jdbc, closeAt, autocommit);
        }
    }

    static long stamp(long generation, int state) {
        return generation << STATE_BITS | state;
    }

    static int state(long stamp) {
        return (int) (stamp & STATE_MASK);
    }

    long stamp() {
        return stamp;
    }

    int state() {
        return state(stamp);
    }

    /** Moves from exactly {@code from} to {@code to}'s state in the next generation; false if anyone moved first. */
    long advance(long from, int to) {
        long next = stamp((from >>> STATE_BITS) + 1, to);
        return STAMP.compareAndSet(this, from, next) ? next : 0;
    }

    /** Moves from exactly {@code from} to {@code to} in the same generation (an owner taking back what it parked). */
    boolean move(long from, long to) {
        return STAMP.compareAndSet(this, from, to);
    }

    /** Reserves it from {@code state}, whatever the generation; 0 if it is not in that state. */
    long reserve(int state) {
        long s = stamp;
        return state(s) == state ? advance(s, RESERVED) : 0;
    }

    /** Marks it closed; true for the one caller that did. */
    boolean markClosed() {
        while (true) {
            long s = stamp;
            if (state(s) == CLOSED) {
                return false;
            }
            if (advance(s, CLOSED) != 0) {
                return true;
            }
        }
    }

    /** Counts a call in; the handle's stamp must still stand, else the call is refused (false). */
    boolean enter(long handleStamp) {
        IN_FLIGHT.getAndAdd(this, 1);
        if (stamp == handleStamp) {
            return true; // the reserver's CAS comes before its read of inFlight: it will wait for this call
        }
        exit();
        return false;
    }

    void exit() {
        if ((int) IN_FLIGHT.getAndAdd(this, -1) == 1) {
            Thread waiting = drainer;
            if (waiting != null) {
                LockSupport.unpark(waiting);
            }
        }
    }

    void executing(java.sql.Statement statement) {
        EXECUTING.setRelease(this, statement);
    }

    java.sql.Statement executing() {
        return executing;
    }

    int inFlight() {
        return inFlight;
    }

    /** After reserving: waits until the calls that entered before the reservation have returned. */
    void awaitNoCallsInFlight() {
        if (inFlight == 0) {
            return;
        }
        drainer = Thread.currentThread();
        try {
            while (inFlight != 0) {
                LockSupport.parkNanos(this, 10_000_000L);
            }
        } finally {
            drainer = null;
        }
    }

    boolean expired(long now) {
        return closeAt != NEVER && now - closeAt >= 0;
    }

    @Override
    public String toString() {
        return "#" + id;
    }
}
