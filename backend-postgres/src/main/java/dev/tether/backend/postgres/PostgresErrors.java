package dev.tether.backend.postgres;

import dev.tether.spi.ErrorChain;
import dev.tether.spi.ErrorClass;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/** What pgjdbc's exceptions mean, read from their SQLSTATEs (PostgreSQL's "Appendix A. Error Codes"). */
final class PostgresErrors {
    /** Beyond class 08, the states after which the server has ended the session. */
    private static final Set<String> SESSION_ENDED = Set.of(
            "57P01", // admin_shutdown: pg_terminate_backend, or a server stopping
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now
            "57P05", // idle_session_timeout (PostgreSQL 14+)
            "25P03", // idle_in_transaction_session_timeout
            "25006", // read_only_sql_transaction: after a failover, a write reached a server that is no longer primary
            "53300"); // too_many_connections


    /** Session-ending states that mean the server (not this one session) went away or closes idle sessions. */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03", "57P05", "25006");

    private PostgresErrors() {
    }

    /**
     * A lost link (class 08, an I/O error) or a server shutting down, crashing, starting or closing idle sessions.
     * 57P01 is also what pg_terminate_backend sends to one session, and 25006 (read-only) what a write gets in a
     * transaction the application made read-only itself: the others are then replaced needlessly, at the cost of a
     * connect each, never of a failed request.
     */
    static boolean serverGone(SQLException error) {
        for (Throwable link : ErrorChain.links(error)) {
            if (link instanceof IOException || link instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GONE.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static ErrorClass classify(SQLException error) {
        return ErrorChain.classify(error, link -> switch (link) {
            case IOException io -> ErrorClass.BROKEN;
            case SQLException sql -> byState(sql.getSQLState());
            default -> null;
        });
    }

    private static ErrorClass byState(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        if (state.startsWith("08") || SESSION_ENDED.contains(state)) {
            return ErrorClass.BROKEN;
        }
        if (state.startsWith("22")) {
            return ErrorClass.DATA;
        }
        if (state.startsWith("23")) {
            return ErrorClass.INTEGRITY;
        }
        return state.equals("40001") || state.equals("40P01") ? ErrorClass.TRANSIENT : ErrorClass.OTHER;
    }

    static Optional<String> explainConnectFailure(SQLException error) {
        for (Throwable link : ErrorChain.links(error)) {
            String sentence = switch (link) {
                case SQLException sql -> explainState(sql);
                case UnknownHostException e -> "HOST is not a name this machine can resolve: correct HOST.";
                case ConnectException e -> "Nothing accepts connections at HOST and PORT: check both, and that the server "
                        + "is running and listens on TCP (listen_addresses).";
                case SocketTimeoutException e -> timedOut();
                default -> null;
            };
            if (sentence != null) {
                return Optional.of(sentence);
            }
        }
        return Optional.empty();
    }

    private static String explainState(SQLException error) {
        String state = error.getSQLState() == null ? "" : error.getSQLState();
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (state.equals("22023") && message.contains("TimeZone")) {
            return "TIME_ZONE is not a zone this server knows: use a name from pg_timezone_names, such as 'UTC' or "
                    + "'Europe/Paris'.";
        }
        if (state.equals("08001") && error.getCause() == null) {
            // pgjdbc's loginTimeout ("Connection attempt timed out.") carries no cause to tell it apart.
            return timedOut();
        }
        return switch (state) {
            case "53300" -> "The server has no connection slots left (max_connections): lower MAX_CONNECTIONS summed over "
                    + "every process that uses this database, or raise max_connections on the server.";
            case "28P01" -> "The server rejected the password: check PASSWORD and USER.";
            case "28000" -> "The server does not let this user log in from here: check USER, and the server's pg_hba.conf "
                    + "entries for this client address and database.";
            case "3D000" -> "The database named by NAME does not exist on this server: create it (CREATE DATABASE) or "
                    + "correct NAME.";
            case "57P03" -> "The server is starting up, shutting down or in recovery: retry once it accepts connections.";
            default -> null;
        };
    }

    private static String timedOut() {
        return "The server did not answer within CONNECT_TIMEOUT: check HOST, PORT and firewalls, or raise CONNECT_TIMEOUT.";
    }

    /** The exception, its causes, then each next exception and its causes; cycles and runaway chains are cut. */
}
