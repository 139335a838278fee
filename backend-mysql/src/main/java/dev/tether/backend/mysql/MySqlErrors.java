package dev.tether.backend.mysql;

import dev.tether.spi.ErrorChain;
import dev.tether.spi.ErrorClass;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/** What Connector/J's exceptions mean, read from MySQL/MariaDB error numbers first and SQLSTATEs second. */
final class MySqlErrors {
    /** Constraint violations whose SQLSTATE is not in class 23 on every server. */
    private static final Set<Integer> INTEGRITY = Set.of(
            1062, // duplicate entry
            1451, 1452, 1216, 1217, // foreign key: row referenced, no parent row (and their old numbers)
            1048, // column cannot be null
            1586, // duplicate entry for a unique key
            3819); // MySQL 8 CHECK constraint (HY000); MariaDB's 4025 is 23000

    /** Data errors whose SQLSTATE is not in class 22 on every server. */
    private static final Set<Integer> DATA = Set.of(
            1406, // data too long
            1264, // out of range
            1265, // data truncated (01000)
            1366, // incorrect value for a column
            1292, // incorrect date/number value
            1365); // division by zero

    private static final Set<Integer> BROKEN = Set.of(
            2006, // server has gone away
            2013, // lost connection during query
            1927, // MariaDB: connection was killed
            4031, // MySQL 8.0.24+: disconnected for inactivity (wait_timeout)
            1053, // server shutdown in progress
            1836); // running in read-only mode

    /** "Running with the --X option": with --read-only or --super-read-only, a replica or a demoted primary. */
    private static final int OPTION_PREVENTS_STATEMENT = 1290;

    private static final Set<Integer> TRANSIENT = Set.of(
            1213, // deadlock
            1205); // lock wait timeout


    private MySqlErrors() {
    }

    /**
     * Every way MySQL and MariaDB report a lost session (gone away, lost connection, shutdown, killed, wait_timeout,
     * a broken link): the client cannot tell a restart from one session's end, so each counts as the server's.
     */
    static boolean serverGone(SQLException error) {
        return classify(error) == ErrorClass.BROKEN;
    }

    static ErrorClass classify(SQLException error) {
        return ErrorChain.classify(error, link -> switch (link) {
            case IOException io -> ErrorClass.BROKEN;
            case Throwable t when t.getClass().getName().endsWith("CommunicationsException") -> ErrorClass.BROKEN;
            case SQLException sql -> byCode(sql);
            default -> null;
        });
    }

    private static ErrorClass byCode(SQLException error) {
        int code = error.getErrorCode();
        if (BROKEN.contains(code) || code == OPTION_PREVENTS_STATEMENT && error.getMessage() != null
                && error.getMessage().contains("read-only")) {
            return ErrorClass.BROKEN;
        }
        if (INTEGRITY.contains(code)) {
            return ErrorClass.INTEGRITY;
        }
        if (DATA.contains(code)) {
            return ErrorClass.DATA;
        }
        if (TRANSIENT.contains(code)) {
            return ErrorClass.TRANSIENT;
        }
        String state = error.getSQLState();
        if (state == null || state.isBlank()) {
            return code == 0 ? null : ErrorClass.OTHER;
        }
        if (state.startsWith("08")) {
            return ErrorClass.BROKEN;
        }
        if (state.startsWith("22")) {
            return ErrorClass.DATA;
        }
        if (state.startsWith("23")) {
            return ErrorClass.INTEGRITY;
        }
        return state.equals("40001") ? ErrorClass.TRANSIENT : ErrorClass.OTHER;
    }

    static Optional<String> explainConnectFailure(SQLException error) {
        for (Throwable link : ErrorChain.links(error)) {
            String sentence = switch (link) {
                case SQLException sql -> explainCode(sql);
                case UnknownHostException e -> "HOST is not a name this machine can resolve: correct HOST.";
                case ConnectException e -> "Nothing accepts connections at HOST and PORT: check both, and that the server "
                        + "is running and listens on TCP (bind-address, skip-networking).";
                case SocketTimeoutException e -> "The server did not answer within CONNECT_TIMEOUT: check HOST, PORT and "
                        + "firewalls, or raise CONNECT_TIMEOUT.";
                default -> null;
            };
            if (sentence != null) {
                return Optional.of(sentence);
            }
        }
        return Optional.empty();
    }

    private static String explainCode(SQLException error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (message.contains("Public Key Retrieval is not allowed")) {
            return "The account uses caching_sha2_password over a connection without TLS: enable TLS (OPTIONS sslMode), "
                    + "or set OPTIONS allowPublicKeyRetrieval: true on a network you trust.";
        }
        return switch (error.getErrorCode()) {
            case 1040 -> "The server has no connection slots left (max_connections): lower MAX_CONNECTIONS summed over "
                    + "every process that uses this database, or raise max_connections on the server.";
            case 1045 -> "The server rejected USER and PASSWORD for this client host: check both, and that the account "
                    + "exists for this host ('user'@'host').";
            case 1049 -> "The database named by NAME does not exist on this server: create it (CREATE DATABASE) or correct NAME.";
            case 1129 -> "The server blocks this client host after too many failed connections: run FLUSH HOSTS on the server.";
            case 1130 -> "The server has no account for USER at this client host: create one for this host, or connect "
                    + "from a host the account allows.";
            case 1298 -> "TIME_ZONE names a zone the server does not know: load its time zone tables "
                    + "(mysql_tzinfo_to_sql /usr/share/zoneinfo | mysql -u root mysql), or use an offset such as '+02:00'.";
            default -> null;
        };
    }

    /** The exception, its causes, then each next exception and its causes; cycles and runaway chains are cut. */
}
