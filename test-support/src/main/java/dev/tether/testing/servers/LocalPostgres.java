package dev.tether.testing.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL cluster of the test's own ({@code initdb} in a temporary directory, its own port), for tests that
 * restart or reconfigure the server, which the shared one must never be. As root it runs as user {@code postgres}
 * (PostgreSQL refuses root). User {@code postgres} connects without a password over TCP; every other role must give
 * its password (SCRAM), so a test can rotate one. Stopped by {@link #close()} or when the JVM exits. Missing
 * PostgreSQL binaries fail the test saying how to install them.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String[] BIN_DIRECTORIES = {"/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin",
            "/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/14/bin"};

    private final Path directory;
    private final int port;
    private final String pgCtl;
    private final StopAtExit stopAtExit;

    private LocalPostgres(Path directory, int port, String pgCtl) {
        this.directory = directory;
        this.port = port;
        this.pgCtl = pgCtl;
        this.stopAtExit = new StopAtExit("postgres-stop-" + port, this::stopAndDelete);
    }

    /** Creates and starts a cluster, and waits until it accepts connections. */
    public static LocalPostgres start() throws IOException {
        String initdb = binary("initdb");
        Path directory = LocalProcesses.temporaryDirectory("tether-postgres-", true);
        LocalPostgres postgres = new LocalPostgres(directory, LocalProcesses.freePort(), binary("pg_ctl"));
        try {
            postgres.asServerUser(List.of(initdb, "-D", postgres.data().toString(), "-U", "postgres", "--auth=trust", "-N"));
            Files.writeString(postgres.data().resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host replication postgres 127.0.0.1/32 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    ""));
            postgres.pgCtl("start");
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        System.err.println("[tether-it] own PostgreSQL cluster on 127.0.0.1:" + postgres.port + " in " + directory);
        return postgres;
    }

    /** Its {@code postgres} database as user {@code postgres}. */
    public Server server() {
        return new Server(Server.POSTGRESQL, "127.0.0.1", port, "postgres", "postgres", "",
                "own PostgreSQL cluster on 127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /**
     * A streaming replica of this cluster ({@code pg_basebackup -R}) on a port of its own, started and read-only until
     * {@link #promote()}d; closed by its own {@link #close()}.
     */
    public LocalPostgres replica() throws IOException {
        Path replicaDirectory = LocalProcesses.temporaryDirectory("tether-postgres-replica-", true);
        LocalPostgres replica = new LocalPostgres(replicaDirectory, LocalProcesses.freePort(), pgCtl);
        try {
            replica.asServerUser(List.of(binary("pg_basebackup"), "-h", "127.0.0.1", "-p", String.valueOf(port),
                    "-U", "postgres", "-D", replica.data().toString(), "-R", "-X", "stream"));
            replica.pgCtl("start");
        } catch (IOException | RuntimeException e) {
            replica.close();
            throw e;
        }
        System.err.println("[tether-it] replica of 127.0.0.1:" + port + " on 127.0.0.1:" + replica.port);
        return replica;
    }

    /** Makes a replica the primary; returns once it takes writes. */
    public void promote() throws IOException {
        pgCtl("promote");
    }

    /** A fast shutdown (every session ends with 57P01); the cluster stays on disk until {@link #close()}. */
    public void stop() throws IOException {
        pgCtl("stop", "-m", "fast");
    }

    /** A fast restart: every session is ended (57P01) and the server accepts connections again when this returns. */
    public void restart() throws IOException {
        pgCtl("restart", "-m", "fast");
    }

    /** Runs statements as superuser, each in its own transaction. */
    public void execute(String... statements) throws SQLException {
        try (Connection connection = server().connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @Override
    public void close() {
        stopAtExit.stopNow();
    }

    private void stopAndDelete() {
        if (Files.exists(data().resolve("postmaster.pid"))) {
            try {
                pgCtl("stop", "-m", "immediate");
            } catch (IOException | RuntimeException e) {
                System.err.println("[tether-it] stopping the PostgreSQL cluster on port " + port + " failed: " + e.getMessage());
            }
        }
        LocalProcesses.deleteQuietly(directory);
    }

    private Path data() {
        return directory.resolve("data");
    }

    private void pgCtl(String action, String... flags) throws IOException {
        List<String> command = new ArrayList<>(List.of(pgCtl, action, "-w", "-t", String.valueOf(TIMEOUT.toSeconds()),
                "-D", data().toString(), "-l", directory.resolve("server.log").toString(),
                // fsync off: a test cluster need not survive a machine crash, and fsync is slow on a shared disk
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"));
        command.addAll(List.of(flags));
        asServerUser(command);
    }

    private void asServerUser(List<String> command) throws IOException {
        List<String> full = new ArrayList<>(LocalProcesses.asServerUser());
        full.addAll(command);
        LocalProcesses.run(full, directory.resolve("commands.log"), TIMEOUT);
    }

    private static String binary(String name) {
        return LocalProcesses.binary(name, BIN_DIRECTORIES).orElseThrow(() -> new IllegalStateException(name
                + " is not installed, and the restart tests start their own PostgreSQL cluster with it: "
                + "apt-get install postgresql (its binaries are looked for in /usr/lib/postgresql/<version>/bin)"));
    }
}
