package dev.tether.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL for the benchmarks that need a real one, in the it-tests' order: {@code TETHER_PG_URL}
 * ({@code postgresql://user:pass@host:port/db}), else the local server ({@code postgres@127.0.0.1:5432/test})
 * if it answers within 2 s, else an embedded one, stopped on {@link #close()}.
 */
public final class BenchPostgres implements AutoCloseable {
    static final String URL_ENV = "TETHER_PG_URL";
    static final String LOCAL_URL = "postgresql://postgres@127.0.0.1:5432/test";

    private final Target target;
    private final EmbeddedServer embedded;

    private BenchPostgres(Target target, EmbeddedServer embedded) {
        this.target = target;
        this.embedded = embedded;
    }

    public static BenchPostgres open() throws Exception {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            return new BenchPostgres(Target.fromUrl(url.strip().replaceFirst("^jdbc:", "")), null);
        }
        Target local = Target.fromUrl(LOCAL_URL);
        if (answers(local)) {
            return new BenchPostgres(local, null);
        }
        EmbeddedServer embedded = EmbeddedServer.start();
        return new BenchPostgres(embedded.target(), embedded);
    }

    private static boolean answers(Target target) {
        Properties props = target.jdbcProperties();
        props.setProperty("connectTimeout", "2");
        props.setProperty("loginTimeout", "2");
        try (Connection c = java.sql.DriverManager.getConnection(target.jdbcUrl(), props)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public Target target() {
        return target;
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
    }
}
