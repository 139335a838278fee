package dev.tether.engine.internal;

import dev.tether.api.CloseReason;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The step between two holders of a connection: Django's rules at a unit's end and the session clean-up that
 * keeps one request's state out of the next.
 */
final class Settle {
    private static final System.Logger LOG = System.getLogger("dev.tether.engine");

    private final Pool pool;
    private final Listeners listeners;

    Settle(Pool pool, Listeners listeners) {
        this.pool = pool;
        this.listeners = listeners;
    }

    /**
     * Django's boundary rules and the session clean-up, for a connection its holder let go (reserved, no call in
     * flight): statements left open are closed, an open transaction is rolled back and reported, then it is
     * dropped if autocommit was left changed, if it is broken, if an error occurred and it no longer answers, or
     * if it is past its max age (when {@code checkAge}: Django checks that only at request boundaries);
     * otherwise changed session settings are reset. Used alike at the end of a unit and by the reaper for owners
     * that died. Returns why to close it, or null to keep it.
     */
    CloseReason settle(Physical p, boolean checkAge) {
        p.openStatements.closeAll(); // what a request left open must not pile up on a persistent connection
        if (!rollBackOpenTransaction(p)) {
            return p.broken ? CloseReason.BROKEN : CloseReason.SESSION_RESET_FAILED;
        }
        if (p.autocommit != pool.settings.autocommit()) {
            return CloseReason.AUTOCOMMIT_CHANGED;
        }
        if (p.broken) {
            return CloseReason.BROKEN;
        }
        if (p.errorsOccurred) {
            if (!pool.backend.isUsable(p.jdbc)) {
                return CloseReason.ERROR;
            }
            p.errorsOccurred = false;
        }
        if (checkAge && pool.expiredNow(p)) {
            return CloseReason.MAX_AGE;
        }
        if (pool.server.stale(p)) {
            return CloseReason.SERVER_GONE;
        }
        return resetSession(p) ? null : CloseReason.SESSION_RESET_FAILED;
    }

    /** Whether {@link #settle} would make a round trip or close the connection: its steps' conditions, in order. */
    boolean blocks(Physical p, boolean checkAge) {
        return p.openStatements.size() > 0 || p.transactionOpen || pool.backend.inTransaction(p.jdbc)
                || p.autocommit != pool.settings.autocommit() || p.broken || p.errorsOccurred
                || checkAge && pool.expiredNow(p) || pool.server.stale(p) || p.session.dirty();
    }

    private boolean rollBackOpenTransaction(Physical p) {
        try {
            if (p.transactionOpen || pool.backend.inTransaction(p.jdbc)) {
                if (p.jdbc.getAutoCommit()) {
                    try (Statement statement = p.jdbc.createStatement()) {
                        statement.execute("ROLLBACK"); // opened with SQL; JDBC's rollback() refuses under autocommit
                    }
                } else {
                    p.jdbc.rollback();
                }
                LOG.log(Level.WARNING, "[" + pool.settings.alias() + "] a transaction was left open on connection #" + p.id
                        + " when its unit of work ended; it was rolled back. Commit or roll back before the request ends.");
                listeners.transactionRolledBack(p.event);
                pool.events.rolledBack(p);
            }
            p.transactionOpen = false;
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "[" + pool.settings.alias() + "] could not roll back connection #" + p.id
                    + "; closing it: " + e.getMessage());
            return false;
        }
    }

    private boolean resetSession(Physical p) {
        try {
            if (p.session.dirty()) {
                p.session.restore(p.jdbc);
                if (!p.jdbc.getAutoCommit()) {
                    p.jdbc.commit(); // PostgreSQL's setSchema runs in a transaction: keep the reset
                }
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "[" + pool.settings.alias() + "] could not reset session state on connection #" + p.id
                    + "; closing it: " + e.getMessage());
            return false;
        }
    }
}
