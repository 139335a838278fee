package dev.tether.api;

/**
 * When an owner hands its physical connection back within a request (the {@code RELEASE} setting).
 */
public enum Release {
    /**
     * The default, Django's promise: from its first use until its unit of work (request, {@code begin()},
     * context) ends, an owner keeps one physical connection, however often a JDBC library closes and
     * reopens its handle. {@code currval()}, {@code LAST_INSERT_ID()}, temporary tables, {@code SET} and
     * session advisory locks all work across handles.
     */
    UNIT,
    /**
     * Opt-in, PgBouncer-transaction-mode style: when the last handle is closed outside a transaction, the
     * connection goes back (to the reservoir, or parked with its thread) and the next handle of the same
     * request may get another one. A request doing long non-database work then holds nothing meanwhile, at
     * a cost: session state does not carry from one transaction to the next ({@code currval()},
     * {@code LAST_INSERT_ID()}, temporary tables, {@code SET}, session advisory locks). A connection whose
     * session state was changed through JDBC (isolation, read-only, catalog, schema, network timeout) is
     * kept until the unit of work ends.
     */
    TRANSACTION
}
