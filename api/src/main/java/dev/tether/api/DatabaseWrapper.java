package dev.tether.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * One alias's connection as seen from one thread (thread persistence) or one context (context
 * persistence): Django's {@code DatabaseWrapper}. The physical connection opens on first use.
 */
public interface DatabaseWrapper {
    /**
     * The alias this wrapper serves.
     *
     * @return the alias
     */
    String alias();

    /**
     * The alias's settings.
     *
     * @return the validated settings
     */
    DatabaseSettings settings();

    /**
     * A view of the live connection, opening or (with health checks) re-checking it first.
     * Closing the view releases it; the physical connection stays with its owner.
     *
     * @return the view, valid until closed or until the request ends
     * @throws SQLException when no connection can be opened, or none is free within ACQUIRE_TIMEOUT
     */
    Connection connection() throws SQLException;

    /**
     * Opens the physical connection if there is none, without the health check.
     *
     * @throws SQLException when no connection can be opened, or none is free within ACQUIRE_TIMEOUT
     */
    void ensureConnection() throws SQLException;

    /**
     * Whether a physical connection is currently held.
     *
     * @return whether one is held
     */
    boolean isConnected();

    /**
     * The held connection's autocommit mode, opening it first if needed.
     *
     * @return whether autocommit is on
     * @throws SQLException from the driver, or when no connection can be opened
     */
    boolean getAutocommit() throws SQLException;

    /**
     * Sets the connection's autocommit mode; a mode left different from AUTOCOMMIT drops the connection at the boundary.
     *
     * @param autocommit the mode
     * @throws SQLException from the driver, or when no connection can be opened
     */
    void setAutocommit(boolean autocommit) throws SQLException;

    /**
     * Commits the current transaction; errors occurred are forgotten.
     *
     * @throws SQLException from the driver
     */
    void commit() throws SQLException;

    /**
     * Rolls back the current transaction; errors occurred are forgotten.
     *
     * @throws SQLException from the driver
     */
    void rollback() throws SQLException;

    /**
     * The backend's liveness check on the held connection. Never throws.
     *
     * @return whether the connection answers; false when none is held
     */
    boolean isUsable();

    /** Django's {@code close_if_unusable_or_obsolete}: the request-boundary rules. */
    void closeIfUnusableOrObsolete();

    /** Closes the physical connection now. */
    void close();

    /**
     * When the held connection will be retired.
     *
     * @return the engine clock's nanoseconds; empty when unlimited or none held
     */
    OptionalLong closeAt();

    /**
     * Whether an error other than a data or integrity error occurred since the last commit or rollback.
     *
     * @return whether such an error occurred
     */
    boolean errorsOccurred();

    /**
     * Whether the held connection already passed its health check in this request.
     *
     * @return whether the check was done
     */
    boolean healthCheckDone();

    /** Allows another thread to use this thread-bound wrapper (a counter). */
    void incThreadSharing();

    /**
     * Undoes one {@link #incThreadSharing()}.
     *
     * @throws IllegalStateException when the count would go below zero
     */
    void decThreadSharing();

    /**
     * Whether other threads may use this thread-bound wrapper.
     *
     * @return whether the sharing count is above zero
     */
    boolean allowsThreadSharing();
}
