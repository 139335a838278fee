package dev.tether.testing.servers;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * The PostgreSQL and MySQL-protocol servers of the integration tests, resolved once per JVM, in this order:
 * <ol>
 *   <li>the URL in {@code TETHER_PG_URL} / {@code TETHER_MYSQL_URL}
 *       ({@code postgresql://user:pass@host:port/db}, {@code mysql://…} or {@code mariadb://…});</li>
 *   <li>a server on the standard local port: {@code postgres@127.0.0.1:5432/test},
 *       {@code root@127.0.0.1:3306/test} with an empty password, if a connection succeeds within 2 s;</li>
 *   <li>an embedded server from Maven Central artifacts ({@link EmbeddedServers}), stopped when the JVM exits.</li>
 * </ol>
 * The system property {@code tether.it.embedded=true} skips to the embedded servers. Each resolution prints one
 * line to stderr, for example {@code [tether-it] PostgreSQL: local server on 127.0.0.1:5432}.
 */
public final class Servers {

    /** Forces the embedded servers when {@code true}. */
    public static final String EMBEDDED_PROPERTY = "tether.it.embedded";
    public static final String PG_URL_ENV = "TETHER_PG_URL";
    public static final String MYSQL_URL_ENV = "TETHER_MYSQL_URL";

    private static final int PROBE_TIMEOUT_SECONDS = 2;

    private static Resolution postgres;
    private static Resolution mysql;

    private Servers() {
    }

    /** The PostgreSQL server; throws {@link IllegalStateException} if none could be found or started. */
    public static synchronized Server postgres() {
        if (postgres == null) {
            postgres = Resolution.of(Server.POSTGRESQL);
        }
        return postgres.get();
    }

    /** The MySQL-protocol server (MySQL or MariaDB); throws {@link IllegalStateException} if none is available. */
    public static synchronized Server mysql() {
        if (mysql == null) {
            mysql = Resolution.of(Server.MYSQL);
        }
        return mysql.get();
    }

    /** {@link #postgres()} or {@link #mysql()} by engine name. */
    public static Server of(String engine) {
        return Server.POSTGRESQL.equals(engine) ? postgres() : mysql();
    }

    /** The outcome of resolving one engine, a failure included, so a failed start is not retried by every test. */
    private record Resolution(String engine, Server server, RuntimeException failure) {

        static Resolution of(String engine) {
            try {
                return new Resolution(engine, resolve(engine), null);
            } catch (RuntimeException e) {
                System.err.println("[tether-it] " + label(engine) + ": no server: " + e.getMessage());
                return new Resolution(engine, null, e);
            }
        }

        Server get() {
            if (failure != null) {
                throw new IllegalStateException("no " + label(engine) + " server for the tests", failure);
            }
            return server;
        }
    }

    private static Server resolve(String engine) {
        var label = label(engine);
        if (Boolean.getBoolean(EMBEDDED_PROPERTY)) {
            return embedded(engine, "forced by -D" + EMBEDDED_PROPERTY + "=true");
        }
        var env = engine.equals(Server.POSTGRESQL) ? PG_URL_ENV : MYSQL_URL_ENV;
        var url = System.getenv(env);
        if (url != null && !url.isBlank()) {
            var server = parseUrl(engine, url, env);
            var problem = probe(server);
            if (problem != null) {
                throw new IllegalStateException(label + " at " + env + " does not answer: " + problem);
            }
            System.err.println("[tether-it] " + label + ": " + server.origin());
            return server;
        }
        var local = engine.equals(Server.POSTGRESQL)
                ? new Server(engine, "127.0.0.1", 5432, "test", "postgres", "", "local server on 127.0.0.1:5432")
                : new Server(engine, "127.0.0.1", 3306, "test", "root", "", "local server on 127.0.0.1:3306");
        var problem = probe(local);
        if (problem == null) {
            System.err.println("[tether-it] " + label + ": " + local.origin());
            return local;
        }
        return embedded(engine, "no local server: " + problem);
    }

    private static Server embedded(String engine, String why) {
        long start = System.nanoTime();
        var server = engine.equals(Server.POSTGRESQL) ? EmbeddedServers.startPostgres() : EmbeddedServers.startMariaDb();
        var seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "[tether-it] %s: %s, started in %.1f s (%s)%n",
                label(engine), server.origin(), seconds, why);
        return server;
    }

    /** Null if a connection and {@code SELECT 1} succeed within the probe timeout, else what went wrong. */
    static String probe(Server server) {
        var props = new Properties();
        if (server.isPostgres()) {
            props.setProperty("connectTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
            props.setProperty("loginTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
            props.setProperty("socketTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
        } else {
            props.setProperty("connectTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS * 1000));
            props.setProperty("socketTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS * 1000));
        }
        try (var c = server.connect(props); var s = c.createStatement(); var rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return null;
        } catch (SQLException e) {
            return firstLine(e.getMessage());
        }
    }

    /** Parses {@code postgresql://user:pass@host:port/db}; the error never repeats the URL (it may hold a password). */
    static Server parseUrl(String engine, String url, String origin) {
        var text = url.strip();
        if (text.startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(origin + " is not a URL like " + example(engine));
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        var schemeEngine = switch (scheme) {
            case "postgresql", "postgres" -> Server.POSTGRESQL;
            case "mysql", "mariadb" -> Server.MYSQL;
            default -> null;
        };
        if (!engine.equals(schemeEngine) || uri.getHost() == null) {
            throw new IllegalArgumentException(origin + " is not a URL like " + example(engine));
        }
        var postgres = engine.equals(Server.POSTGRESQL);
        var user = postgres ? "postgres" : "root";
        var password = "";
        if (uri.getUserInfo() != null) {
            var info = uri.getUserInfo();
            int colon = info.indexOf(':');
            user = colon < 0 ? info : info.substring(0, colon);
            password = colon < 0 ? "" : info.substring(colon + 1);
        }
        var port = uri.getPort() > 0 ? uri.getPort() : postgres ? 5432 : 3306;
        var path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        var database = path.isEmpty() ? "test" : path;
        return new Server(engine, uri.getHost(), port, database, user, password, origin);
    }

    static String label(String engine) {
        return engine.equals(Server.POSTGRESQL) ? "PostgreSQL" : "MySQL/MariaDB";
    }

    private static String example(String engine) {
        return engine.equals(Server.POSTGRESQL) ? "postgresql://user:pass@host:5432/db" : "mysql://user:pass@host:3306/db";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
