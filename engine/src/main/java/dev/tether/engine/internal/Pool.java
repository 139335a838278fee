package dev.tether.engine.internal;

import dev.tether.api.CloseReason;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.PoolStats;
import dev.tether.spi.Backend;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One alias's physical connections under its cap. An owner without one takes, in order: a connection
 * from the reservoir, one parked by a thread that died, a new one if under the cap, an idle one parked
 * by another thread, or waits up to ACQUIRE_TIMEOUT.
 */
final class Pool {
    private static final System.Logger LOG = System.getLogger("dev.tether.engine");

    final DatabaseSettings settings;
    final Backend backend;
    final int index;
    private final Engine engine;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Physical> open = new ArrayList<>();
    private final ArrayDeque<Physical> reservoir = new ArrayDeque<>();
    private int opening;
    private volatile int waiting;
    private long opened;
    private long closed;
    private long nextId = 1;
    private volatile boolean shutDown;

    Pool(Engine engine, int index, DatabaseSettings settings, Backend backend) {
        this.engine = engine;
        this.index = index;
        this.settings = settings;
        this.backend = backend;
    }

    /** A connection for {@code wrapper}, which holds none. */
    Lease acquire(Wrapper wrapper) throws SQLException {
        List<Physical> retired = new ArrayList<>();
        long deadline = 0;
        long id;
        lock.lock();
        try {
            waiting++; // counted before looking, so a connection parked meanwhile signals us
            try {
                while (true) {
                    if (shutDown) {
                        throw new SQLNonTransientConnectionException(
                                "[" + settings.alias() + "] Tether is shut down; no new connections are handed out", "08003");
                    }
                    Lease lease = fromReservoir(wrapper, retired);
                    if (lease == null) {
                        lease = reclaimParked(wrapper, retired, true);
                    }
                    if (lease != null) {
                        return lease;
                    }
                    if (open.size() + opening < settings.maxConnections()) {
                        opening++;
                        id = nextId++;
                        break;
                    }
                    lease = reclaimParked(wrapper, retired, false);
                    if (lease != null) {
                        return lease;
                    }
                    long now = System.nanoTime();
                    if (deadline == 0) {
                        deadline = now + settings.acquireTimeout().toNanos();
                    }
                    if (now - deadline >= 0) {
                        throw exhausted();
                    }
                    changed.awaitNanos(deadline - now);
                }
            } finally {
                waiting--;
            }
        } catch (InterruptedException e) {
            changed.signal(); // a signal meant for this waiter goes to the next one
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("[" + settings.alias() + "] interrupted while waiting for a connection", "08001", e);
        } finally {
            lock.unlock();
            long now = engine.ticker.nanos();
            retired.forEach(p -> closeQuietly(p, p.expired(now) ? CloseReason.MAX_AGE : CloseReason.ERROR));
        }
        Physical p = connect(id);
        Lease lease = new Lease(wrapper, p, false);
        p.lease = lease;
        return lease;
    }

    private Lease fromReservoir(Wrapper wrapper, List<Physical> retired) {
        Physical p;
        while ((p = reservoir.pollFirst()) != null) {
            if (expiredNow(p)) {
                forget(p, retired);
            } else {
                return bind(wrapper, p);
            }
        }
        return null;
    }

    /**
     * Takes over a connection another owner parked, oldest release first; null if none. Below the cap
     * only those whose owner thread died are taken, so live threads keep their own (Django's affinity).
     */
    private Lease reclaimParked(Wrapper wrapper, List<Physical> retired, boolean deadOwnersOnly) {
        Physical best = null;
        Lease bestLease = null;
        for (Physical p : open) {
            Lease lease = p.lease; // read once: the reaper may hand p back meanwhile
            if (lease != null && lease.state() == Lease.PARKED && lease.wrapper != wrapper
                    && (!deadOwnersOnly || lease.wrapper.owner.threadDied())
                    && (best == null || p.lastReleased - best.lastReleased < 0)) {
                best = p;
                bestLease = lease;
            }
        }
        if (best == null || !bestLease.move(Lease.PARKED, Lease.REVOKED)) {
            return null;
        }
        bestLease.revoke();
        if (expiredNow(best) || best.errorsOccurred) {
            forget(best, retired);
            return reclaimParked(wrapper, retired, deadOwnersOnly);
        }
        return bind(wrapper, best);
    }

    /** Reads the clock only for connections that can expire: the clock is a cost on the hot path. */
    private boolean expiredNow(Physical p) {
        return p.closeAt != Physical.NEVER && p.expired(engine.ticker.nanos());
    }

    private Lease bind(Wrapper wrapper, Physical p) {
        Lease lease = new Lease(wrapper, p, true);
        p.lease = lease;
        return lease;
    }

    private Physical connect(long id) throws SQLException {
        Connection jdbc = null;
        Physical p = null;
        boolean added = false;
        try {
            jdbc = backend.connect(settings);
            backend.initialize(jdbc, settings);
            p = new Physical(id, settings.alias(), jdbc, engine.closeAt(settings), settings.autocommit());
        } catch (SQLException e) {
            throw connectFailure(e);
        } finally {
            lock.lock();
            try {
                opening--; // whatever happened, including an Error from a driver, the slot is settled here
                if (p != null && !shutDown) {
                    open.add(p);
                    opened++;
                    added = true;
                } else {
                    changed.signal(); // a slot came free
                }
            } finally {
                lock.unlock();
            }
            if (jdbc != null && !added) {
                closeDiscarded(jdbc);
            }
        }
        if (!added) {
            throw new SQLNonTransientConnectionException("[" + settings.alias() + "] Tether shut down while connecting", "08003");
        }
        LOG.log(Level.DEBUG, () -> "[" + settings.alias() + "] opened connection #" + id);
        engine.listeners.connectionCreated(p.event);
        return p;
    }

    private static void closeDiscarded(Connection jdbc) {
        try {
            jdbc.close();
        } catch (SQLException ignored) {
            // The connection is being discarded; the original failure is what matters.
        }
    }

    private SQLException connectFailure(SQLException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("[" + settings.alias() + "]")) {
            return e;
        }
        String target = (settings.host().isEmpty() ? "localhost" : settings.host()) + ":"
                + (settings.port() == 0 ? backend.defaultPort() : settings.port());
        String explanation = backend.explainConnectFailure(e).map(s -> " " + s).orElse("");
        return new SQLNonTransientConnectionException("[" + settings.alias() + "] cannot connect to " + settings.engine()
                + " database '" + settings.name() + "' at " + target + " as user '" + settings.user() + "': "
                + sentence(e.getMessage()) + explanation, e.getSQLState(), e.getErrorCode(), e);
    }

    private static String sentence(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.endsWith(".") ? stripped : stripped + ".";
    }

    private SQLException exhausted() {
        PoolStats s = statsLocked();
        return new SQLTransientConnectionException("[" + settings.alias() + "] no connection within "
                + settings.acquireTimeout().toMillis() + " ms (open=" + s.open() + (opening > 0 ? " + " + opening + " opening" : "")
                + " of cap " + s.cap() + ", in use="
                + s.inUse() + ", parked=" + s.parked() + ", waiting=" + s.waiting() + "); raise MAX_CONNECTIONS, "
                + "shorten the work done while holding a connection, or raise ACQUIRE_TIMEOUT", "08001");
    }

    /** A clean connection goes back to the reservoir for the next owner. */
    void giveBack(Physical p) {
        p.lastReleased = engine.ticker.nanos();
        lock.lock();
        try {
            p.lease = null;
            if (shutDown) {
                forget(p, null);
            } else {
                reservoir.addFirst(p);
            }
            // One connection serves one waiter; waking them all made every release a stampede at the cap.
            changed.signal();
        } finally {
            lock.unlock();
        }
        if (shutDown) {
            closeQuietly(p, CloseReason.SHUTDOWN);
        }
    }

    /**
     * Parks a connection with its owner's thread; it may then serve a waiter from another owner. One parked
     * again unused (at a request's start) keeps its time of last use, for the idle timeout.
     */
    void park(Lease lease, boolean used) {
        if (used) {
            lease.physical.lastReleased = engine.ticker.nanos(); // before PARKED is visible to the reaper
        }
        lease.park();
        if (waiting > 0 || shutDown) {
            lock.lock();
            try {
                changed.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Closes a connection its holder is done with. */
    void retire(Physical p, CloseReason reason) {
        lock.lock();
        try {
            forget(p, null);
            changed.signal();
        } finally {
            lock.unlock();
        }
        closeQuietly(p, reason);
    }

    private void forget(Physical p, List<Physical> toClose) {
        if (open.remove(p)) {
            closed++;
        }
        reservoir.remove(p);
        p.lease = null;
        if (toClose != null) {
            toClose.add(p);
        }
    }

    private void closeQuietly(Physical p, CloseReason reason) {
        synchronized (p) {
            if (p.closed) {
                return;
            }
            p.closed = true;
        }
        try {
            p.jdbc.close();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "[" + settings.alias() + "] closing connection #" + p.id + " failed: " + e.getMessage());
        }
        LOG.log(Level.DEBUG, () -> "[" + settings.alias() + "] closed connection #" + p.id + " (" + reason + ")");
        engine.listeners.connectionClosed(p.event, reason);
    }

    /**
     * Undoes what a borrower left behind: rolls back an open transaction (reported) and resets
     * changed session settings. Returns false when the connection must be closed instead.
     */
    boolean cleanSession(Physical p) {
        p.openStatements.closeAll(); // what a request left open must not pile up on a persistent connection
        try {
            if (p.transactionOpen || backend.inTransaction(p.jdbc)) {
                if (p.jdbc.getAutoCommit()) {
                    try (Statement statement = p.jdbc.createStatement()) {
                        statement.execute("ROLLBACK"); // opened with SQL; JDBC's rollback() refuses under autocommit
                    }
                } else {
                    p.jdbc.rollback();
                }
                LOG.log(Level.WARNING, "[" + settings.alias() + "] a transaction was left open on connection #" + p.id
                        + " when its request ended; it was rolled back. Commit or roll back before the request ends.");
                engine.listeners.transactionRolledBack(p.event);
            }
            p.transactionOpen = false;
            if (p.session.dirty()) {
                p.session.restore(p.jdbc);
                if (!p.jdbc.getAutoCommit()) {
                    p.jdbc.commit(); // PostgreSQL's setSchema runs in a transaction: keep the reset
                }
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "[" + settings.alias() + "] could not reset session state on connection #" + p.id
                    + "; closing it: " + e.getMessage());
            return false;
        }
    }

    /** Closes what is expired or idle too long, and takes back connections whose owner thread died. Never touches one in use. */
    void reap() {
        long now = engine.ticker.nanos();
        long idleNanos = settings.idleTimeout().toNanos();
        List<Physical> expired = new ArrayList<>();
        List<Physical> idle = new ArrayList<>();
        List<Physical> candidates;
        lock.lock();
        try {
            for (Physical p : List.copyOf(reservoir)) {
                if (p.expired(now)) {
                    forget(p, expired);
                } else if (now - p.lastReleased >= idleNanos) {
                    forget(p, idle);
                }
            }
            candidates = new ArrayList<>(open);
            if (!expired.isEmpty() || !idle.isEmpty()) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        expired.forEach(p -> closeQuietly(p, CloseReason.MAX_AGE));
        idle.forEach(p -> closeQuietly(p, CloseReason.IDLE));
        for (Physical p : candidates) {
            Lease lease = p.lease;
            if (lease == null) {
                continue;
            }
            // A thread that allowed sharing may have handed the connection to another one that lives on.
            boolean ownerGone = lease.wrapper.owner.threadDied() && !lease.wrapper.allowsThreadSharing();
            if (lease.state() == Lease.PARKED) {
                CloseReason reason = p.expired(now) ? CloseReason.MAX_AGE
                        : now - p.lastReleased >= idleNanos ? CloseReason.IDLE : null;
                if ((reason != null || ownerGone) && lease.move(Lease.PARKED, Lease.REVOKED)) {
                    lease.revoke();
                    if (reason != null) {
                        retire(p, reason);
                    } else {
                        giveBack(p);
                    }
                }
            } else if (lease.state() == Lease.IN_USE && ownerGone) {
                // Its owner died holding it: nobody can be using it any more.
                lease.revoke();
                if (p.expired(now)) {
                    retire(p, CloseReason.MAX_AGE);
                } else if (p.errorsOccurred) {
                    retire(p, CloseReason.ERROR);
                } else if (p.autocommit != settings.autocommit()) {
                    retire(p, CloseReason.AUTOCOMMIT_CHANGED);
                } else if (cleanSession(p)) {
                    giveBack(p);
                } else {
                    retire(p, CloseReason.SESSION_RESET_FAILED);
                }
            }
        }
    }

    /** Closes every connection: idle ones now, ones in use once released or when {@code grace} ends. */
    void shutdown(long graceNanos) {
        List<Physical> toClose;
        lock.lock();
        try {
            shutDown = true;
            changed.signalAll();
            long deadline = System.nanoTime() + graceNanos;
            while (countInUse() > 0 && deadline - System.nanoTime() > 0) {
                try {
                    changed.awaitNanos(Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(50)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            toClose = new ArrayList<>(open);
            toClose.forEach(p -> {
                Lease lease = p.lease;
                if (lease != null) {
                    lease.revoke();
                }
                forget(p, null);
            });
        } finally {
            lock.unlock();
        }
        toClose.forEach(p -> closeQuietly(p, CloseReason.SHUTDOWN));
    }

    boolean isShutDown() {
        return shutDown;
    }

    PoolStats stats() {
        lock.lock();
        try {
            return statsLocked();
        } finally {
            lock.unlock();
        }
    }

    private int countInUse() {
        int inUse = 0;
        for (Physical p : open) {
            Lease lease = p.lease;
            if (lease != null && lease.state() == Lease.IN_USE) {
                inUse++;
            }
        }
        return inUse;
    }

    private PoolStats statsLocked() {
        int parked = 0;
        for (Physical p : open) {
            Lease lease = p.lease;
            if (lease != null && lease.state() == Lease.PARKED) {
                parked++;
            }
        }
        return new PoolStats(settings.alias(), settings.maxConnections(), open.size(), countInUse(), parked,
                reservoir.size(), waiting, opened, closed);
    }
}
