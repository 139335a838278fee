package dev.tether.bench;

import dev.tether.api.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * The database under load, as Tether settings and as a plain JDBC URL for the raw and HikariCP modes.
 * Server-side connections are counted for this database and user only.
 */
public record Target(DatabaseSettings settings, Kind kind, String origin) {

    /** The SQL dialect families the demo knows how to count connections on. */
    public enum Kind {
        POSTGRESQL("jdbc:postgresql://", 5432,
                "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND usename = ? AND pid <> pg_backend_pid()"),
        MYSQL("jdbc:mysql://", 3306,
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ? AND USER = ? AND ID <> CONNECTION_ID()");

        final String jdbcPrefix;
        final int defaultPort;
        final String countSql;

        Kind(String jdbcPrefix, int defaultPort, String countSql) {
            this.jdbcPrefix = jdbcPrefix;
            this.defaultPort = defaultPort;
            this.countSql = countSql;
        }

        static Kind of(String engine) {
            String e = engine.toLowerCase(Locale.ROOT);
            if (e.startsWith("postgres") || e.equals("pgsql")) {
                return POSTGRESQL;
            }
            if (e.equals("mysql") || e.equals("mariadb")) {
                return MYSQL;
            }
            throw new IllegalArgumentException("--url names engine '" + engine
                    + "'; the load demo knows postgresql://... and mysql://... (MariaDB speaks mysql)");
        }
    }

    /** A server given by URL, such as {@code postgresql://postgres@127.0.0.1:5432/bench}. */
    public static Target fromUrl(String url) {
        DatabaseSettings settings = DatabaseSettings.fromUrl("default", url);
        return new Target(settings, Kind.of(settings.engine()), settings.engine() + " at " + hostPort(settings));
    }

    private static String hostPort(DatabaseSettings s) {
        return (s.host().isEmpty() ? "localhost" : s.host()) + ":" + (s.port() == 0 ? Kind.of(s.engine()).defaultPort : s.port());
    }

    public String jdbcUrl() {
        return kind.jdbcPrefix + hostPort(settings) + "/" + settings.name();
    }

    /** Driver properties: user, password and the URL's options; never printed. */
    public Properties jdbcProperties() {
        Properties props = new Properties();
        props.putAll(settings.options());
        if (!settings.user().isEmpty()) {
            props.setProperty("user", settings.user());
        }
        if (!settings.password().isEmpty()) {
            props.setProperty("password", settings.password());
        }
        return props;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), jdbcProperties());
    }

    /** The user the server reports for our sessions (the driver's default when none is set). */
    String serverUser() {
        return settings.user().isEmpty() ? System.getProperty("user.name") : settings.user();
    }

    @Override
    public String toString() {
        return origin + ", database " + settings.name() + ", user " + serverUser();
    }
}
