package dev.tether.engine.internal;

import dev.tether.api.CloseReason;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.Ticker;
import dev.tether.spi.Backend;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one alias's pool knows about its server rather than about single connections: when it was last seen going
 * away (every connection opened before is dead too: SQLAlchemy's pool invalidation), and how long it lets a session
 * sit idle. Both retire connections when they are next handed out, without a ping, so a restart or an idle timeout
 * costs at most the one request that found out.
 */
final class ServerWatch {
    private static final System.Logger LOG = System.getLogger("dev.tether.engine");
    private static final long NO_LIMIT = Long.MAX_VALUE;
    /** Retire at 90% of the server's idle limit: the check and the next statement's arrival are not one instant. */
    private static final int MARGIN_DIVISOR = 10;

    private final DatabaseSettings settings;
    private final Backend backend;
    private final Ticker ticker;
    /** Connections whose id is below this were opened before the server was last seen going away. */
    private final AtomicLong staleBelowId = new AtomicLong();
    /** How long a connection may sit unused before the server closes it, less the margin; NO_LIMIT when unknown. */
    private volatile long idleLimitNanos = NO_LIMIT;
    /** Read the server's idle limit on the next connection opened: at start, and after a restart (it may differ). */
    private volatile boolean readIdleLimit = true;
    private final AtomicBoolean warnedAboutIdleLimit = new AtomicBoolean();

    ServerWatch(DatabaseSettings settings, Backend backend, Ticker ticker) {
        this.settings = settings;
        this.backend = backend;
        this.ticker = ticker;
    }

    /** A connection was just opened (before its session is initialised): learns the server's idle limit if due. */
    void opened(Connection jdbc) {
        if (!readIdleLimit) {
            return;
        }
        readIdleLimit = false;
        Optional<Duration> limit = backend.serverIdleLimit(jdbc);
        idleLimitNanos = limit.map(l -> l.toNanos() - l.toNanos() / MARGIN_DIVISOR).orElse(NO_LIMIT);
        limit.ifPresent(this::warnIfSettingsOutliveIdleLimit);
    }

    /**
     * A connection's error said the server went away: every connection opened before now (ids below
     * {@code nextId}) retires at its next handover, and the idle limit is read again from the next one opened.
     */
    void serverGone(long nextId, long failedId, SQLException error) {
        long before = staleBelowId.getAndAccumulate(nextId, Math::max);
        readIdleLimit = true;
        if (before < nextId) {
            LOG.log(Level.INFO, () -> "[" + settings.alias() + "] connection #" + failedId + " found the server gone ("
                    + error.getSQLState() + ": " + error.getMessage() + "); the connections opened before #" + nextId
                    + " are replaced when next used, without a ping");
        }
    }

    /** Opened before the server was last seen going away. */
    boolean stale(Physical p) {
        return p.id < staleBelowId.get();
    }

    /** Whether {@link #obsolete} may say anything but null: the server was seen going away, or its idle limit is known. */
    boolean mayTurnObsolete() {
        return idleLimitNanos != NO_LIMIT || staleBelowId.get() != 0;
    }

    /** Why a released connection must not be handed out again, or null; reads the clock only when a limit is known. */
    CloseReason obsolete(Physical p) {
        if (stale(p)) {
            return CloseReason.SERVER_GONE;
        }
        long limit = idleLimitNanos;
        return limit != NO_LIMIT && ticker.nanos() - p.lastReleased >= limit ? CloseReason.SERVER_IDLE_LIMIT : null;
    }

    private void warnIfSettingsOutliveIdleLimit(Duration limit) {
        boolean maxAgeAbove = settings.maxAge().compareTo(limit) > 0;
        boolean idleTimeoutAbove = settings.idleTimeout().compareTo(limit) > 0;
        if ((maxAgeAbove || idleTimeoutAbove) && warnedAboutIdleLimit.compareAndSet(false, true)) {
            String above = (maxAgeAbove ? "CONN_MAX_AGE (" + (settings.unlimitedMaxAge() ? "unlimited"
                    : settings.maxAge().toSeconds() + " s") + ")" : "")
                    + (maxAgeAbove && idleTimeoutAbove ? " and " : "")
                    + (idleTimeoutAbove ? "IDLE_TIMEOUT (" + settings.idleTimeout().toSeconds() + " s)" : "");
            LOG.log(Level.WARNING, "[" + settings.alias() + "] " + above + (maxAgeAbove && idleTimeoutAbove ? " are" : " is")
                    + " above the server's idle limit of " + limit.toMillis() + " ms (PostgreSQL idle_session_timeout, "
                    + "MySQL/MariaDB wait_timeout): the server closes connections left idle that long. Tether retires "
                    + "them before reuse without a ping; set IDLE_TIMEOUT below the server's limit so the reaper closes "
                    + "them first, or raise the server's limit");
        }
    }
}
