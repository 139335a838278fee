package dev.tether.testing.servers;

import dev.tether.api.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * A database server the integration tests run against, as resolved by {@link Servers}.
 *
 * @param engine   {@link #POSTGRESQL} or {@link #MYSQL} (MySQL protocol: MySQL or MariaDB)
 * @param password may be empty, never null; never printed
 * @param origin   where the server came from, for people: "TETHER_PG_URL",
 *                 "local server on 127.0.0.1:5432", "embedded PostgreSQL 18.6 (zonky)"
 */
public record Server(String engine, String host, int port, String database, String user, String password,
        String origin) {

    public static final String POSTGRESQL = "postgresql";
    public static final String MYSQL = "mysql";

    public Server {
        if (!POSTGRESQL.equals(engine) && !MYSQL.equals(engine)) {
            throw new IllegalArgumentException("engine must be postgresql or mysql: " + engine);
        }
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        Objects.requireNonNull(origin, "origin");
    }

    public boolean isPostgres() {
        return POSTGRESQL.equals(engine);
    }

    /** The plain driver URL, without credentials: {@code jdbc:postgresql://host:port/db} or {@code jdbc:mysql://…}. */
    public String jdbcUrl() {
        return "jdbc:" + engine + "://" + host + ":" + port + "/" + database;
    }

    /** The same server, another database on it (see {@link ServerAdmin#createDatabase}). */
    public Server withDatabase(String otherDatabase) {
        return new Server(engine, host, port, otherDatabase, user, password, origin);
    }

    /** Tether settings for {@link #database()} on this server, as this server's user. */
    public DatabaseSettings.Builder settings(String alias) {
        return DatabaseSettings.builder(alias).engine(engine).host(host).port(port).name(database).user(user).password(password);
    }

    /** A new plain driver connection (no pool, no Tether) to {@link #database()}. */
    public Connection connect() throws SQLException {
        return connect(new Properties());
    }

    /** A new plain driver connection; {@code properties} are extra driver properties. */
    public Connection connect(Properties properties) throws SQLException {
        var all = new Properties();
        all.putAll(properties);
        all.setProperty("user", user);
        all.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(), all);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "Server[" + engine + " " + user + "@" + host + ":" + port + "/" + database + ", " + origin + "]";
    }
}
