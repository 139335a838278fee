package dev.tether.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Session settings a borrower changed through Tether, with the values to restore. The original
 * value is read only when a setting is first changed, so untouched connections cost nothing.
 */
final class SessionState {
    private static final int ISOLATION = 1;
    private static final int READ_ONLY = 2;
    private static final int CATALOG = 4;
    private static final int SCHEMA = 8;
    private static final int NETWORK_TIMEOUT = 16;

    private int dirty;
    private int isolation;
    private boolean readOnly;
    private String catalog;
    private String schema;
    private int networkTimeout;

    boolean dirty() {
        return dirty != 0;
    }

    void beforeIsolationChange(Connection c) throws SQLException {
        if (mark(ISOLATION)) {
            isolation = c.getTransactionIsolation();
        }
    }

    void beforeReadOnlyChange(Connection c) throws SQLException {
        if (mark(READ_ONLY)) {
            readOnly = c.isReadOnly();
        }
    }

    void beforeCatalogChange(Connection c) throws SQLException {
        if (mark(CATALOG)) {
            catalog = c.getCatalog();
        }
    }

    void beforeSchemaChange(Connection c) throws SQLException {
        if (mark(SCHEMA)) {
            schema = c.getSchema();
        }
    }

    void beforeNetworkTimeoutChange(Connection c) throws SQLException {
        if (mark(NETWORK_TIMEOUT)) {
            networkTimeout = c.getNetworkTimeout();
        }
    }

    private boolean mark(int bit) {
        boolean first = (dirty & bit) == 0;
        dirty |= bit;
        return first;
    }

    /** Restores what was changed; the caller runs this outside any transaction (PostgreSQL's setSchema opens one). */
    void restore(Connection c) throws SQLException {
        if ((dirty & READ_ONLY) != 0) {
            c.setReadOnly(readOnly);
        }
        if ((dirty & ISOLATION) != 0) {
            c.setTransactionIsolation(isolation);
        }
        if ((dirty & CATALOG) != 0 && catalog != null) {
            c.setCatalog(catalog);
        }
        if ((dirty & SCHEMA) != 0 && schema != null) {
            c.setSchema(schema);
        }
        if ((dirty & NETWORK_TIMEOUT) != 0) {
            c.setNetworkTimeout(Runnable::run, networkTimeout);
        }
        dirty = 0;
    }
}
