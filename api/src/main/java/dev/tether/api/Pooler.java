package dev.tether.api;

/**
 * What sits between Tether and the database server (the {@code POOLER} setting). Tether cannot see a pooler
 * on the wire, so the application says so.
 */
public enum Pooler {
    /** The default: Tether talks to the server itself, one server session per physical connection. */
    NONE,
    /**
     * A pooler in session mode (PgBouncer {@code pool_mode = session}): each client connection keeps one server
     * session while it is open, so everything works as without a pooler.
     */
    SESSION,
    /**
     * A pooler in transaction mode (PgBouncer {@code pool_mode = transaction}): consecutive transactions on one
     * Tether connection may run on different server sessions. The PostgreSQL backend turns off named server-side
     * prepared statements ({@code prepareThreshold=0}), and session state that would stay behind on a shared server
     * session is refused: {@code SET} (use {@code SET LOCAL}), {@code LISTEN}, session advisory locks (use the
     * {@code _xact_} ones) and JDBC session changes (isolation, read-only, catalog, schema).
     */
    TRANSACTION
}
