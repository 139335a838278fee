package dev.tether.engine.internal;

import dev.tether.api.CloseReason;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.DatabaseWrapper;
import dev.tether.api.Persistence;
import dev.tether.api.ThreadSharingException;
import dev.tether.spi.ErrorClass;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * One alias's connection for one owner, with Django's rules, each in a method named after it:
 * {@link #closeIfUnusableOrObsolete()}, {@link #closeIfHealthCheckFailed}, {@link #validateThreadSharing()}.
 */
final class Wrapper implements DatabaseWrapper {
    final Owner owner;
    private final Engine engine;
    private final Pool pool;
    private final DatabaseSettings settings;
    private Lease lease;
    private boolean healthCheckDone;
    private int threadSharing;

    Wrapper(Engine engine, Pool pool, Owner owner) {
        this.engine = engine;
        this.pool = pool;
        this.owner = owner;
        this.settings = pool.settings;
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
    public synchronized Connection connection() throws SQLException {
        validateThreadSharing();
        Lease held = usableLease();
        held.handles++;
        return new ConnectionView(this, held);
    }

    @Override
    public synchronized void ensureConnection() throws SQLException {
        validateThreadSharing();
        engine.checkMayBlock(alias());
        if (hold() == null) {
            acquire();
        }
        letGo();
    }

    @Override
    public boolean isConnected() {
        Lease held = lease;
        return held != null && held.state() != Lease.REVOKED;
    }

    @Override
    public synchronized boolean getAutocommit() throws SQLException {
        validateThreadSharing();
        try {
            return usableLease().physical.autocommit;
        } finally {
            letGo();
        }
    }

    @Override
    public synchronized void setAutocommit(boolean autocommit) throws SQLException {
        validateThreadSharing();
        Physical p = usableLease().physical;
        try {
            p.jdbc.setAutoCommit(autocommit);
            p.autocommit = autocommit;
        } catch (SQLException e) {
            throw record(p, e);
        } finally {
            letGo();
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

    private synchronized void endTransaction(boolean commit) throws SQLException {
        validateThreadSharing();
        engine.checkMayBlock(alias());
        Lease held = hold();
        if (held == null) {
            return;
        }
        Physical p = held.physical;
        try {
            if (p.autocommit) {
                // Nothing to end; JDBC drivers differ on whether this is an error, Django treats it as a no-op.
            } else if (commit) {
                p.jdbc.commit();
            } else {
                p.jdbc.rollback();
            }
            transactionEnded(p);
        } catch (SQLException e) {
            throw record(p, e);
        } finally {
            letGo();
        }
    }

    void transactionEnded(Physical p) {
        p.errorsOccurred = false;
        p.transactionOpen = false;
    }

    @Override
    public synchronized boolean isUsable() {
        Lease held = hold();
        try {
            return held != null && pool.backend.isUsable(held.physical.jdbc);
        } finally {
            letGo();
        }
    }

    @Override
    public synchronized void closeIfUnusableOrObsolete() {
        validateThreadSharing();
        if (hold() != null) {
            applyBoundaryRules();
            letGo();
        }
    }

    @Override
    public synchronized void close() {
        validateThreadSharing();
        if (hold() != null) {
            drop(CloseReason.CLOSED_BY_APPLICATION);
        }
    }

    @Override
    public OptionalLong closeAt() {
        Lease held = lease;
        return held == null || held.physical.closeAt == Physical.NEVER ? OptionalLong.empty()
                : OptionalLong.of(held.physical.closeAt);
    }

    @Override
    public boolean errorsOccurred() {
        Lease held = lease;
        return held != null && held.physical.errorsOccurred;
    }

    @Override
    public boolean healthCheckDone() {
        return healthCheckDone;
    }

    @Override
    public synchronized void incThreadSharing() {
        threadSharing++;
    }

    @Override
    public synchronized void decThreadSharing() {
        if (threadSharing == 0) {
            throw new IllegalStateException("[" + alias() + "] cannot decrement the thread sharing count below zero; "
                    + "call decThreadSharing() once per incThreadSharing()");
        }
        threadSharing--;
    }

    @Override
    public synchronized boolean allowsThreadSharing() {
        return threadSharing > 0;
    }

    /** Django's {@code validate_thread_sharing}: a thread-bound wrapper is for its own thread only. */
    void validateThreadSharing() {
        Thread current = Thread.currentThread();
        if (parksWithThread() && owner.thread != current
                && !allowsThreadSharing()) {
            throw new ThreadSharingException("[" + alias() + "] this database wrapper belongs to thread '"
                    + owner.thread.getName() + "' (id " + owner.thread.threadId() + ") and was used from thread '"
                    + current.getName() + "' (id " + current.threadId() + "); use the connection only on its own thread,"
                    + " call incThreadSharing() to allow sharing, or use PERSISTENCE=context");
        }
    }

    /**
     * The request boundary: Django's rules, then at the end the connection is released; at the start an
     * unused one stays parked until first use, so a request that never queries holds nothing.
     */
    synchronized void requestBoundary(boolean finished) {
        Lease held = hold();
        if (held == null) {
            return;
        }
        applyBoundaryRules();
        if (finished) {
            release();
        } else if (lease != null && held.handles == 0 && parksWithThread()) {
            pool.park(held, false);
        } else {
            letGo();
        }
    }

    /** Django's {@code close_if_unusable_or_obsolete}, on a held lease: a boundary also resets the health check. */
    private void applyBoundaryRules() {
        healthCheckDone = false;
        dropIfUnusableOrObsolete();
    }

    private void dropIfUnusableOrObsolete() {
        Physical p = lease.physical;
        if (p.autocommit != settings.autocommit()) {
            drop(CloseReason.AUTOCOMMIT_CHANGED);
        } else if (p.broken) {
            drop(CloseReason.BROKEN);
        } else if (p.errorsOccurred && !pool.backend.isUsable(p.jdbc)) {
            drop(CloseReason.ERROR);
        } else {
            if (p.errorsOccurred) {
                p.errorsOccurred = false;
                healthCheckDone = true; // a passing check counts as this request's health check
            }
            if (expired(p)) {
                drop(CloseReason.MAX_AGE);
            }
        }
    }

    private boolean expired(Physical p) {
        return p.closeAt != Physical.NEVER && p.expired(engine.ticker.nanos());
    }

    /** Django's {@code _cursor}: the health check, then {@code ensure_connection}. */
    private Lease usableLease() throws SQLException {
        engine.checkMayBlock(alias());
        Lease held = hold();
        while (true) {
            if (held == null) {
                held = acquire();
            }
            if (!closeIfHealthCheckFailed(held)) {
                return held;
            }
            held = null;
        }
    }

    /** Pings a reused connection before its first use in a request; true when it was dead and closed. */
    private boolean closeIfHealthCheckFailed(Lease held) {
        if (!settings.healthChecks() || healthCheckDone) {
            return false;
        }
        healthCheckDone = true;
        if (pool.backend.isUsable(held.physical.jdbc)) {
            return false;
        }
        drop(CloseReason.HEALTH_CHECK);
        return true;
    }

    private Lease acquire() throws SQLException {
        Lease acquired = pool.acquire(this);
        lease = acquired;
        healthCheckDone = !acquired.reused; // new connections are healthy
        return acquired;
    }

    /** The lease, claimed for use if it was parked; null (and forgotten) if it was taken away. */
    private Lease hold() {
        Lease held = lease;
        if (held == null) {
            return null;
        }
        if (held.state() == Lease.IN_USE || held.move(Lease.PARKED, Lease.IN_USE)) {
            return held;
        }
        lease = null;
        return null;
    }

    /**
     * Lets the connection go when nothing needs it: no open view, no transaction, and no request pinning it
     * to its thread. Before it goes to the reservoir Django's rules run, so a broken or expired connection
     * is not passed on; one parked with its thread meets them at its next request boundary, as in Django.
     */
    void letGo() {
        Lease held = lease;
        if (held == null || held.handles > 0 || held.state() != Lease.IN_USE
                || owner.inRequest && parksWithThread()
                || !held.physical.cleanFor(settings.autocommit()) || pool.backend.inTransaction(held.physical.jdbc)) {
            return;
        }
        if (!parksWithThread()) {
            if (owner.inRequest && expired(held.physical)) {
                return; // it serves the rest of its request and retires at the end, as in Django (max age 0 included)
            }
            dropIfUnusableOrObsolete();
        }
        release();
    }

    /** Resets the session, then parks the connection with its thread or returns it to the reservoir. */
    private void release() {
        Lease held = lease;
        if (held == null) {
            return;
        }
        Physical p = held.physical;
        if (!pool.cleanSession(p)) {
            drop(CloseReason.SESSION_RESET_FAILED);
        } else if (parksWithThread() && !pool.isShutDown()) {
            pool.park(held, true);
        } else {
            lease = null;
            held.revoke();
            pool.giveBack(p);
        }
    }

    /**
     * Thread persistence keeps a connection parked with its thread between requests. An owner that is a
     * context rather than a thread will not come back for it, so its connections go to the reservoir.
     */
    private boolean parksWithThread() {
        return settings.persistence() == Persistence.THREAD && owner.thread != null;
    }

    private void drop(CloseReason reason) {
        Lease held = lease;
        lease = null;
        held.revoke();
        pool.retire(held.physical, reason);
    }

    /** A view was closed: one handle fewer. */
    synchronized void viewClosed(Lease of, int epoch) {
        if (lease == of && of.epoch == epoch && of.handles > 0) {
            of.handles--;
            letGo();
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
            }
            case OTHER -> p.errorsOccurred = true;
        }
        return error;
    }
}
