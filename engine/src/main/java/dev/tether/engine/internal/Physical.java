package dev.tether.engine.internal;

import dev.tether.api.ConnectionEvent;
import java.sql.Connection;

/**
 * One physical connection and what the engine knows about it. Fields other than {@link #lease} are
 * touched only by whoever holds it (its lease in use, or the pool lock while it sits in the reservoir).
 */
final class Physical {
    static final long NEVER = Long.MAX_VALUE;

    final long id;
    final Connection jdbc;
    final ConnectionEvent event;
    /** When it retires, in ticker nanos; {@link #NEVER} for unlimited max age. */
    final long closeAt;
    /** The lease binding it to an owner; null while in the reservoir or closed. */
    volatile Lease lease;
    boolean closed;
    long lastReleased;

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

    Physical(long id, String alias, Connection jdbc, long closeAt, boolean autocommit) {
        this.id = id;
        this.jdbc = jdbc;
        this.event = new ConnectionEvent(alias, id);
        this.closeAt = closeAt;
        this.autocommit = autocommit;
    }

    boolean expired(long now) {
        return closeAt != NEVER && now - closeAt >= 0;
    }

    /** Whether giving it to someone else needs nothing but a session reset. */
    boolean cleanFor(boolean autocommitSetting) {
        return autocommit == autocommitSetting && !transactionOpen;
    }
}
