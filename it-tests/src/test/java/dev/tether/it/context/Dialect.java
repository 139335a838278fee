package dev.tether.it.context;

import dev.tether.testing.servers.Server;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/** The SQL these contracts need that differs between PostgreSQL and MySQL-protocol servers. */
enum Dialect {
    POSTGRESQL {
        @Override
        String sleep(Duration duration) {
            return String.format(Locale.ROOT, "SELECT pg_sleep(%.3f)", duration.toMillis() / 1000.0);
        }

        @Override
        void markOwner(Connection c, String owner) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                ps.setString(1, owner);
                ps.executeQuery().close();
            }
        }

        @Override
        String owner(Connection c) throws SQLException {
            return ServerContract.text(c, "SELECT current_setting('application_name')");
        }

        @Override
        String beginTransaction() {
            return "BEGIN";
        }

        @Override
        String createRowsTable(String table) {
            return "CREATE TABLE " + table + " (id SERIAL PRIMARY KEY, owner TEXT NOT NULL)";
        }

        @Override
        String lastInsertedId(String table) {
            return "SELECT currval('" + table + "_id_seq')";
        }

        @Override
        void createNamespace(Server server, String name) throws SQLException {
            try (Connection c = server.connect()) {
                ServerContract.execute(c, "CREATE SCHEMA " + name);
            }
        }

        @Override
        void dropNamespace(Server server, String name) {
            // The schema lives in the test's database and goes with it.
        }

        @Override
        void useNamespace(Connection c, String name) throws SQLException {
            c.setSchema(name);
        }

        @Override
        String namespace(Connection c) throws SQLException {
            return ServerContract.text(c, "SELECT current_schema()");
        }
    },

    MYSQL {
        @Override
        String sleep(Duration duration) {
            return String.format(Locale.ROOT, "SELECT SLEEP(%.3f)", duration.toMillis() / 1000.0);
        }

        @Override
        void markOwner(Connection c, String owner) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SET @tether_owner = ?")) {
                ps.setString(1, owner);
                ps.execute();
            }
        }

        @Override
        String owner(Connection c) throws SQLException {
            return ServerContract.text(c, "SELECT @tether_owner");
        }

        @Override
        String beginTransaction() {
            return "START TRANSACTION";
        }

        @Override
        String createRowsTable(String table) {
            return "CREATE TABLE " + table + " (id INT AUTO_INCREMENT PRIMARY KEY, owner VARCHAR(64) NOT NULL)";
        }

        @Override
        String lastInsertedId(String table) {
            return "SELECT LAST_INSERT_ID()";
        }

        @Override
        void createNamespace(Server server, String name) throws SQLException {
            try (Connection c = server.connect()) {
                ServerContract.execute(c, "DROP DATABASE IF EXISTS " + name);
                ServerContract.execute(c, "CREATE DATABASE " + name);
            }
        }

        @Override
        void dropNamespace(Server server, String name) throws SQLException {
            try (Connection c = server.connect()) {
                ServerContract.execute(c, "DROP DATABASE IF EXISTS " + name);
            }
        }

        // Connector/J ignores setSchema by default (databaseTerm=CATALOG): a MySQL database is a catalog.
        @Override
        void useNamespace(Connection c, String name) throws SQLException {
            c.setCatalog(name);
        }

        @Override
        String namespace(Connection c) throws SQLException {
            return ServerContract.text(c, "SELECT DATABASE()");
        }
    };

    static Dialect of(Server server) {
        return server.isPostgres() ? POSTGRESQL : MYSQL;
    }

    /** A query that keeps the server busy for {@code duration}. */
    abstract String sleep(Duration duration);

    /** Writes {@code owner} into a per-session marker that {@link #owner} reads back. */
    abstract void markOwner(Connection c, String owner) throws SQLException;

    abstract String owner(Connection c) throws SQLException;

    /** The SQL statement that opens a transaction by hand, behind the driver's back. */
    abstract String beginTransaction();

    /** A table with a generated id and an {@code owner} column. */
    abstract String createRowsTable(String table);

    /** The id this session generated last: a session-scoped value ({@code currval}, {@code LAST_INSERT_ID}). */
    abstract String lastInsertedId(String table);

    /** Creates a second namespace a session can switch to: a schema (PostgreSQL) or a database (MySQL). */
    abstract void createNamespace(Server server, String name) throws SQLException;

    abstract void dropNamespace(Server server, String name) throws SQLException;

    /** Switches the session to namespace {@code name} through JDBC, the way an application would. */
    abstract void useNamespace(Connection c, String name) throws SQLException;

    /** The session's current namespace, as the server sees it. */
    abstract String namespace(Connection c) throws SQLException;
}
