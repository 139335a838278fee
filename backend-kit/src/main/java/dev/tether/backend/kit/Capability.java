package dev.tether.backend.kit;

/**
 * What a database can do that some of the kit's tests need. A test whose capability is not declared
 * is reported by name as not applicable (a JUnit assumption with the reason), never silently passed.
 */
public enum Capability {
    /** The database is a server reached over the network: connect failures, timeouts and unknown databases apply. */
    NETWORK_SERVER,
    /** One session can end another (PostgreSQL's {@code pg_terminate_backend}, MySQL's {@code KILL}, H2's {@code ABORT_SESSION}). */
    TERMINATES_SESSIONS,
    /** The server disconnects a session idle for longer than a timeout the session can set on itself. */
    SERVER_IDLE_TIMEOUT
}
