package dev.tether.backend.h2;

import dev.tether.spi.ErrorChain;
import dev.tether.spi.ErrorClass;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.h2.api.ErrorCode;

/** What H2's exceptions mean, read from its error codes ({@link ErrorCode}). */
final class H2Errors {
    /** The session or the database is gone. */
    private static final Set<Integer> BROKEN = Set.of(
            ErrorCode.CONNECTION_BROKEN_1, // 90067: the TCP link or a session aborted with ABORT_SESSION
            ErrorCode.DATABASE_CALLED_AT_SHUTDOWN, // 90121: in-process session aborted, or the database shut down
            ErrorCode.DATABASE_IS_CLOSED, // 90098
            ErrorCode.OBJECT_CLOSED); // 90007: the connection is closed
    /** Retry the transaction. */
    private static final Set<Integer> TRANSIENT = Set.of(
            ErrorCode.DEADLOCK_1, // 40001
            ErrorCode.LOCK_TIMEOUT_1); // 50200

    private H2Errors() {
    }

    static ErrorClass classify(SQLException error) {
        return ErrorChain.classify(error, link -> switch (link) {
            case IOException io -> ErrorClass.BROKEN;
            case SQLException sql -> byCode(sql);
            default -> null;
        });
    }

    private static ErrorClass byCode(SQLException error) {
        String state = error.getSQLState();
        if (BROKEN.contains(error.getErrorCode()) || state != null && state.startsWith("08")) {
            return ErrorClass.BROKEN;
        }
        if (TRANSIENT.contains(error.getErrorCode())) {
            return ErrorClass.TRANSIENT;
        }
        if (state == null || state.isBlank()) {
            return null;
        }
        if (state.startsWith("22")) {
            return ErrorClass.DATA;
        }
        return state.startsWith("23") ? ErrorClass.INTEGRITY : ErrorClass.OTHER;
    }

    static Optional<String> explainConnectFailure(SQLException error) {
        for (Throwable link : ErrorChain.links(error)) {
            String sentence = switch (link) {
                case SQLException sql -> explainCode(sql.getErrorCode());
                case ConnectException e -> "Nothing accepts connections at HOST and PORT: check both, and that the H2 "
                        + "server runs (org.h2.tools.Server -tcp).";
                default -> null;
            };
            if (sentence != null) {
                return Optional.of(sentence);
            }
        }
        return Optional.empty();
    }

    private static String explainCode(int code) {
        return switch (code) {
            case ErrorCode.WRONG_USER_OR_PASSWORD -> "H2 refused USER or PASSWORD: correct them.";
            case ErrorCode.DATABASE_NOT_FOUND_1, ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1,
                 ErrorCode.REMOTE_DATABASE_NOT_FOUND_1 -> "NAME names no existing H2 database, and H2 servers do not create "
                    + "one for a remote client: create it first, or correct NAME.";
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> "The database file is open in another process: connect through that "
                    + "process's H2 server (HOST and PORT) or add AUTO_SERVER=TRUE to OPTIONS.";
            default -> null;
        };
    }
}
