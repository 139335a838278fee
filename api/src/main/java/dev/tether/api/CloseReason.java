package dev.tether.api;

/** Why a physical connection was closed. */
public enum CloseReason {
    /** Its CONN_MAX_AGE had passed (0: the request it served ended). */
    MAX_AGE,
    /** An error occurred and the connection then failed its usability check. */
    ERROR,
    /** The backend classified an error as fatal for the connection. */
    BROKEN,
    /** Autocommit was left different from the AUTOCOMMIT setting. */
    AUTOCOMMIT_CHANGED,
    /** The health check before its first use in a request failed. */
    HEALTH_CHECK,
    /** Session state changed by a request could not be reset. */
    SESSION_RESET_FAILED,
    /** It sat unused longer than IDLE_TIMEOUT. */
    IDLE,
    /** Application code closed it through {@link DatabaseWrapper#close()}. */
    CLOSED_BY_APPLICATION,
    /** The engine shut down. */
    SHUTDOWN,
    /** Another connection learnt that the server went away (restart, failover) after this one was opened. */
    SERVER_GONE,
    /** It sat unused longer than the server's own idle limit, so the server has closed it. */
    SERVER_IDLE_LIMIT
}
