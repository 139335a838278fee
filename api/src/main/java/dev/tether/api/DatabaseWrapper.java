package dev.tether.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * One alias's connection as seen from one thread (thread persistence) or one context (context
 * persistence): Django's {@code DatabaseWrapper}. The physical connection opens on first use.
 */
public interface DatabaseWrapper {
    String alias();

    DatabaseSettings settings();

    /**
     * A view of the live connection, opening or (with health checks) re-checking it first.
     * Closing the view releases it; the physical connection stays with its owner.
     *
     * @throws SQLException when no connection can be opened, or none is free within ACQUIRE_TIMEOUT
     */
    Connection connection() throws SQLException;

    /** Opens the physical connection if there is none, without the health check. */
    void ensureConnection() throws SQLException;

    /** Whether a physical connection is currently held. */
    boolean isConnected();

    boolean getAutocommit() throws SQLException;

    void setAutocommit(boolean autocommit) throws SQLException;

    void commit() throws SQLException;

    void rollback() throws SQLException;

    /** The backend's liveness check on the held connection; false when none is held. Never throws. */
    boolean isUsable();

    /** Django's {@code close_if_unusable_or_obsolete}: the request-boundary rules. */
    void closeIfUnusableOrObsolete();

    /** Closes the physical connection now. */
    void close();

    /** When the held connection will be retired, in the engine clock's nanoseconds; empty when unlimited or none held. */
    OptionalLong closeAt();

    /** Whether an error other than a data or integrity error occurred since the last commit or rollback. */
    boolean errorsOccurred();

    /** Whether the held connection already passed its health check in this request. */
    boolean healthCheckDone();

    /** Allows another thread to use this thread-bound wrapper (a counter). */
    void incThreadSharing();

    /**
     * Undoes one {@link #incThreadSharing()}.
     *
     * @throws IllegalStateException when the count would go below zero
     */
    void decThreadSharing();

    boolean allowsThreadSharing();
}
