package dev.tether.vertx.internal;

import io.vertx.core.http.HttpServerResponse;
import java.lang.System.Logger.Level;
import java.sql.SQLException;

/**
 * How a failed request is answered: a database failure with 503 and a short body, anything else with 500; the
 * details (host, database, user, SQL) go to the log only, never to the HTTP client.
 */
public final class Failures {
    private static final System.Logger LOG = System.getLogger("dev.tether.vertx");

    private Failures() {
    }

    /** Whether {@code error} came from the database (an {@link SQLException} anywhere in its causes). */
    public static boolean fromDatabase(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** Answers a failed request if it can still be answered, and logs why it failed. */
    public static void answer(HttpServerResponse response, Throwable error) {
        boolean database = fromDatabase(error);
        LOG.log(database ? Level.WARNING : Level.ERROR, "request failed" + (database ? " on the database" : ""), error);
        try {
            if (response.ended() || response.closed()) {
                return;
            }
            if (response.headWritten()) {
                response.reset(); // part of a response went out: the client must not take it for a whole one
            } else if (database) {
                response.setStatusCode(503).putHeader("content-type", "text/plain").end("Service Unavailable: database error");
            } else {
                response.setStatusCode(500).end();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "could not answer a failed request: " + e);
        }
    }
}
