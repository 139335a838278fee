package dev.tether.engine.internal;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Pooler;
import dev.tether.spi.Backend;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.util.OptionalInt;

/**
 * The start-up check of one alias's cap against the server's connection limit: N instances of an application
 * open up to N x MAX_CONNECTIONS sessions, and nothing else tells a user so before the server refuses them.
 */
final class ServerLimitCheck {
    private static final System.Logger LOG = System.getLogger("dev.tether.engine");

    private ServerLimitCheck() {
    }

    /** Run once per alias on its first physical connection; warns when the cap exceeds SERVER_SHARE of the limit. */
    static void warnIfCapTooLarge(DatabaseSettings settings, Backend backend, Connection connection) {
        if (settings.pooler() != Pooler.NONE) {
            return; // the pooler's pool size, not this cap, bounds the server's sessions
        }
        OptionalInt limit = backend.connectionLimit(connection);
        if (limit.isPresent() && limit.getAsInt() > 0) {
            String warning = warning(settings, limit.getAsInt());
            if (warning != null) {
                LOG.log(Level.WARNING, warning);
            }
        }
    }

    /** The warning for a server limit, or null when the cap is within SERVER_SHARE of it. */
    static String warning(DatabaseSettings settings, int limit) {
        int cap = settings.maxConnections();
        if (cap <= settings.serverShare() * limit) {
            return null;
        }
        int fits = limit / cap;
        return "[" + settings.alias() + "] MAX_CONNECTIONS " + cap + " is more than SERVER_SHARE " + settings.serverShare()
                + " of the server's connection limit " + limit + " (max_connections less reserved slots): N instances "
                + "open up to N x " + cap + " connections, so " + (fits + 1) + " instances need " + (fits + 1) * cap
                + " > " + limit + " and the server refuses the rest. For N instances set MAX_CONNECTIONS to at most "
                + limit + " / N, or put a pooler such as PgBouncer in front and set POOLER; if this instance is the "
                + "server's only client, raise SERVER_SHARE";
    }
}
