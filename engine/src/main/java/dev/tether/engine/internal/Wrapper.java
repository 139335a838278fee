package dev.tether.engine.internal;

import dev.tether.api.CloseReason;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.DatabaseWrapper;
import dev.tether.api.Persistence;
import dev.tether.api.Release;
import dev.tether.api.ThreadSharingException;
import dev.tether.spi.ErrorClass;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.OptionalLong;

/**
 * One alias's connection for one owner, with Django's rules, each in a method named after it:
 * {@link #closeIfUnusableOrObsolete()}, {@link #closeIfHealthCheckFailed}, {@link #validateThreadSharing()}.
 * It holds at most one connection, IN_USE or PARKED (see {@link Physical}), from its first use until its unit of
 * work ends — one session per unit, however often handles are closed and reopened — unless RELEASE=transaction
 * lets it go between transactions. Its fields change under its own lock ({@link WrapperLock}).
 */
abstract class Wrapper extends WrapperLock implements DatabaseWrapper {
    private static final System.Logger LOG = System.getLogger("dev.tether.engine");

    final Owner owner;
    private final Engine engine;
    private final Pool pool;
    private final DatabaseSettings settings;
    /** The connection held, IN_USE or PARKED, with its stamp as this wrapper left it; stale once another moved it. */
    private Physical held;
    private long heldStamp;
    /** Handles open on the held connection. */
    private int handles;
    /** The connection this wrapper last gave back: the one it asks the reservoir for first, as it is likely idle. */
    Physical lastGivenBack;
    /**
     * The owner's unit (see {@link Owner#unitNumber}, never 0) in which the health check passed; 0 while it is due, the
     * default, so a wrapper seen by another thread before its fields are published is due, never done.
     */
    private long healthCheckedIn;
    private volatile int threadSharing;
    // The fields above change under this wrapper's lock (WrapperLock), which a unit ending on a thread that must not
    // block only tries.

    private Wrapper(Engine engine, Pool pool, Owner owner) {
        this.engine = engine;
        this.pool = pool;
        this.owner = owner;
        this.settings = pool.settings;
    }

    /** A wrapper, padded on both sides (see {@link Padding}). */
    static Wrapper of(Engine engine, Pool pool, Owner owner) {
        return new Padded(engine, pool, owner);
    }

    private static final class Padded extends Wrapper {
        @SuppressWarnings("unused")
        private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

        Padded(Engine engine, Pool pool, Owner owner) {
            super(engine, pool, owner);
        }
    }

    @Override
    public String alias() {
        return settings.alias();
    }

    @Override
    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public Connection connection() throws SQLException {
        lock();
        try {
            validateThreadSharing();
            Physical p = usable();
            handles++;
            return new ConnectionView(this, p, heldStamp);
        } finally {
            unlock();
        }
    }

    @Override
    public void ensureConnection() throws SQLException {
        lock();
        try {
            validateThreadSharing();
            usable();
            letGoIfDone();
        } finally {
            unlock();
        }
    }

    @Override
    public boolean isConnected() {
        lock();
        try {
            return held != null && held.stamp() == heldStamp;
        } finally {
            unlock();
        }
    }

    @Override
    public boolean getAutocommit() throws SQLException {
        lock();
        try {
            validateThreadSharing();
            try {
                return usable().autocommit;
            } finally {
                letGoIfDone();
            }
        } finally {
            unlock();
        }
    }

    @Override
    public void setAutocommit(boolean autocommit) throws SQLException {
        lock();
        try {
            validateThreadSharing();
            Physical p = usable();
            try {
                enter(p).setAutoCommit(autocommit);
                p.autocommit = autocommit;
                if (autocommit) {
                    transactionEnded(p);
                }
            } catch (SQLException e) {
                throw record(p, e);
            } finally {
                p.exit();
                letGoIfDone();
            }
        } finally {
            unlock();
        }
    }

    @Override
    public void commit() throws SQLException {
        endTransaction(true);
    }

    @Override
    public void rollback() throws SQLException {
        endTransaction(false);
    }

    private void endTransaction(boolean commit) throws SQLException {
        lock();
        try {
            validateThreadSharing();
            engine.checkMayBlock(alias());
            Physical p = heldInUse();
            if (p == null) {
                return;
            }
            try {
                Connection c = enter(p);
                if (p.autocommit) {
                    // Nothing to end; JDBC drivers differ on whether this is an error, Django treats it as a no-op.
                } else if (commit) {
                    c.commit();
                } else {
                    c.rollback();
                }
                transactionEnded(p);
            } catch (SQLException e) {
                throw record(p, e);
            } finally {
                p.exit();
                letGoIfDone();
            }
        } finally {
            unlock();
        }
    }

    /** Counts a call of the holder's own in flight; the stamp stands, as the holder's lock is held. */
    private Connection enter(Physical p) throws SQLException {
        if (!p.enter(heldStamp)) {
            held = null;
            throw new SQLNonTransientConnectionException("[" + alias() + "] the connection was taken away (shutdown)", "08003");
        }
        return p.jdbc;
    }

    void transactionEnded(Physical p) {
        p.errorsOccurred = false;
        p.transactionOpen = false;
    }

    @Override
    public boolean isUsable() {
        lock();
        try {
            Physical p = heldInUse();
            try {
                return p != null && pool.backend.isUsable(p.jdbc);
            } finally {
                letGoIfDone();
            }
        } finally {
            unlock();
        }
    }

    /** Django's {@code close_if_unusable_or_obsolete}: its rules run as at a unit's end, the connection kept if it passes. */
    @Override
    public void closeIfUnusableOrObsolete() {
        lock();
        try {
            validateThreadSharing();
            healthCheckedIn = 0;
            if (handles == 0) {
                letGo(true, true);
            }
        } finally {
            unlock();
        }
    }

    @Override
    public void close() {
        lock();
        try {
            validateThreadSharing();
            if (heldInUse() != null) {
                drop(CloseReason.CLOSED_BY_APPLICATION);
            }
        } finally {
            unlock();
        }
    }

    @Override
    public OptionalLong closeAt() {
        lock();
        try {
            Physical p = held;
            return p == null || p.closeAt == Physical.NEVER ? OptionalLong.empty() : OptionalLong.of(p.closeAt);
        } finally {
            unlock();
        }
    }

    @Override
    public boolean errorsOccurred() {
        lock();
        try {
            Physical p = held;
            return p != null && p.errorsOccurred;
        } finally {
            unlock();
        }
    }

    @Override
    public boolean healthCheckDone() {
        lock();
        try {
            return healthCheckedIn == owner.unitNumber();
        } finally {
            unlock();
        }
    }

    @Override
    public void incThreadSharing() {
        lock();
        try {
            threadSharing++;
        } finally {
            unlock();
        }
    }

    @Override
    public void decThreadSharing() {
        lock();
        try {
            if (threadSharing == 0) {
                throw new IllegalStateException("[" + alias() + "] cannot decrement the thread sharing count below zero; "
                        + "call decThreadSharing() once per incThreadSharing()");
            }
            threadSharing--;
        } finally {
            unlock();
        }
    }

    @Override
    public boolean allowsThreadSharing() {
        return threadSharing > 0;
    }

    /** Its owner's thread died and no other thread was allowed to carry on with it: the reaper may take its connection. */
    boolean ownerGone() {
        return owner.threadDied() && !allowsThreadSharing();
    }

    /** Django's {@code validate_thread_sharing}: a thread-bound wrapper is for its own thread only. */
    void validateThreadSharing() {
        Thread current = Thread.currentThread();
        if (parksWithThread() && owner.thread != current && !allowsThreadSharing()) {
            throw new ThreadSharingException("[" + alias() + "] this database wrapper belongs to thread '"
                    + owner.thread.getName() + "' (id " + owner.thread.threadId() + ") and was used from thread '"
                    + current.getName() + "' (id " + current.threadId() + "); use the connection only on its own thread,"
                    + " call incThreadSharing() to allow sharing, or use PERSISTENCE=context");
        }
    }

    /**
     * A unit of work starts: the health check is due again (the owner numbered the unit), and a parked connection
     * past its max age closes (Django). When nothing can be parked, or nothing parked can have turned obsolete, there
     * is nothing to do and no lock to take.
     */
    void unitStarted() {
        if (!parksWithThread() || !pool.connectionsMayTurnObsolete()) {
            return;
        }
        lock();
        try {
            closeIfParkedAndExpired();
        } finally {
            unlock();
        }
    }

    /**
     * A unit of work ends: its connection is settled and parked with the thread, or given back. On a thread that
     * must not block ({@code mayBlock} false, an event loop) it ends here only if nothing else holds this wrapper
     * and parking is not involved; a connection that needs a round trip to settle is then settled on a thread of
     * the engine's, and one that needs none is given back at once, so the next request finds it. Returns false
     * when nothing was done and the caller must end the unit on a thread that may block.
     */
    boolean unitEnded(boolean mayBlock) {
        if (mayBlock) {
            lock();
        } else if (parksWithThread() || !tryLock()) {
            return false;
        }
        try {
            healthCheckedIn = 0;
            letGo(true, mayBlock);
            return true;
        } finally {
            unlock();
        }
    }

    private void closeIfParkedAndExpired() {
        Physical p = held;
        CloseReason obsolete;
        if (p != null && Physical.state(heldStamp) == Physical.PARKED && (obsolete = pool.obsolete(p)) != null) {
            long reserved = p.advance(heldStamp, Physical.RESERVED);
            held = null;
            if (reserved != 0) {
                pool.retire(p, obsolete);
            }
        }
    }

    /** Django's {@code _cursor}: the health check, then {@code ensure_connection}. */
    private Physical usable() throws SQLException {
        engine.checkMayBlock(alias());
        while (true) {
            Physical p = take();
            if (!closeIfHealthCheckFailed(p)) {
                return p;
            }
        }
    }

    /**
     * Pings a reused connection before its first use in a unit of work; true when it was dead and closed. The
     * check is done once it passes: a replacement for a dead one is checked too, as it may have died alike.
     */
    private boolean closeIfHealthCheckFailed(Physical p) {
        long unit = owner.unitNumber();
        if (!settings.healthChecks() || healthCheckedIn == unit) {
            return false;
        }
        if (p.fresh || pool.events.healthCheck(pool.backend, p)) {
            healthCheckedIn = unit; // a connection opened for this owner and never released needs no ping
            return false;
        }
        drop(CloseReason.HEALTH_CHECK);
        return true;
    }

    /** The held connection, IN_USE for this wrapper (taken back if it was parked), or null. */
    private Physical heldInUse() {
        Physical p = held;
        if (p != null) {
            long s = heldStamp;
            if (Physical.state(s) == Physical.IN_USE && p.stamp() == s) {
                return p;
            }
            if (Physical.state(s) == Physical.PARKED) {
                long inUse = Physical.stamp(s >>> 3, Physical.IN_USE);
                if (p.move(s, inUse)) {
                    heldStamp = inUse;
                    pool.events.unparked(this, p);
                    return p;
                }
            }
            held = null; // taken away meanwhile: reclaimed, reaped or shut down
            handles = 0;
        }
        return null;
    }

    /** Django's {@code ensure_connection}: the held connection, or one from the pool. */
    private Physical take() throws SQLException {
        Physical p = heldInUse();
        if (p != null) {
            return p;
        }
        p = pool.acquire(this);
        long s = p.stamp();
        if (Physical.state(s) != Physical.IN_USE || p.holder != this) {
            throw new SQLNonTransientConnectionException("[" + alias()
                    + "] Tether shut down while handing out a connection", "08003");
        }
        held = p;
        heldStamp = s;
        handles = 0;
        return p;
    }

    /**
     * Outside a unit of work, or with RELEASE=transaction, a connection goes back as soon as nothing needs it: no
     * open handle, no transaction, and (with RELEASE=transaction) no session state changed through JDBC.
     */
    private void letGoIfDone() {
        Physical p = held;
        if (p == null || handles > 0 || Physical.state(heldStamp) != Physical.IN_USE) {
            return;
        }
        boolean outsideUnit = !owner.inUnit();
        if (!outsideUnit && settings.release() != Release.TRANSACTION) {
            return;
        }
        if (p.transactionOpen || p.autocommit != settings.autocommit() || !outsideUnit && p.session.dirty()
                || pool.backend.inTransaction(p.jdbc)) {
            return;
        }
        if (outsideUnit) {
            pool.warnOutsideUnit();
        }
        letGo(false, true);
    }

    /**
     * Settles the held connection (Django's rules and the session clean-up, after the calls in flight return) and
     * parks it with the owner's thread (thread persistence), or gives it back to the pool.
     */
    private void letGo(boolean unitEnds, boolean mayBlock) {
        Physical p = held;
        if (p == null) {
            return;
        }
        long s = heldStamp;
        if (Physical.state(s) == Physical.PARKED) {
            closeIfParkedAndExpired(); // settled when it was parked
            return;
        }
        if (p.stamp() != s) {
            held = null;
            return;
        }
        long reserved = p.advance(s, Physical.RESERVED);
        handles = 0;
        if (reserved == 0) {
            held = null; // taken away meanwhile
            return;
        }
        if (!mayBlock && (p.inFlight() != 0 || pool.settleBlocks(p, true))) {
            held = null;
            engine.runBlocking(() -> {
                try {
                    p.awaitNoCallsInFlight();
                    pool.release(p, reserved, null, unitEnds, true);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "[" + alias() + "] ending the unit of work failed", e);
                }
            });
            return;
        }
        p.awaitNoCallsInFlight();
        long parked = pool.release(p, reserved, parksWithThread() ? this : null, unitEnds, mayBlock);
        if (parked != 0) {
            heldStamp = parked;
        } else {
            held = null;
            lastGivenBack = p;
        }
    }

    /**
     * Thread persistence keeps a connection parked with its thread between units. An owner that is a context
     * (a scope of {@code inContext}) will not come back for it, so its connection goes back at the unit's end.
     */
    private boolean parksWithThread() {
        return settings.persistence() == Persistence.THREAD && owner.thread != null;
    }

    private void drop(CloseReason reason) {
        Physical p = held;
        long reserved = p.advance(heldStamp, Physical.RESERVED);
        held = null;
        handles = 0;
        if (reserved != 0) {
            p.awaitNoCallsInFlight();
            pool.events.released(p);
            pool.retire(p, reason);
        }
    }

    /** A handle was closed: one fewer; the last one may let the connection go (outside a unit, or RELEASE=transaction). */
    void viewClosed(ConnectionView view, Physical p, long stamp) {
        lock();
        try {
            if (view.markClosed() && held == p && heldStamp == stamp && handles > 0) { // once, if closed on two threads
                handles--;
                letGoIfDone();
            }
        } finally {
            unlock();
        }
    }

    /** Statements ran: with autocommit off, a transaction is now open. */
    void statementRan(Physical p) {
        if (!p.autocommit) {
            p.transactionOpen = true;
        }
    }

    /** Classifies an error seen on the connection and sets "errors occurred" unless it was about the data. */
    SQLException record(Physical p, SQLException error) {
        ErrorClass kind;
        try {
            kind = pool.backend.classify(error);
        } catch (RuntimeException e) {
            kind = ErrorClass.OTHER;
        }
        switch (kind) {
            case DATA, INTEGRITY, TRANSIENT -> {
            }
            case BROKEN -> {
                p.errorsOccurred = true;
                p.broken = true;
                if (serverGone(error)) {
                    pool.serverGone(p, error);
                }
            }
            case OTHER -> p.errorsOccurred = true;
        }
        return error;
    }

    private boolean serverGone(SQLException error) {
        try {
            return pool.backend.serverGone(error);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
