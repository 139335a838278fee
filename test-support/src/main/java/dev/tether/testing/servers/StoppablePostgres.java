package dev.tether.testing.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * A PostgreSQL of the test's own (zonky's embedded binaries) that the test stops and starts again on the same port
 * and data, for checks that must see the database go away and come back. Database {@code postgres}, user
 * {@code postgres}, no password, on {@code localhost}.
 */
public final class StoppablePostgres implements AutoCloseable {
    private final Path data;
    private final int port;
    private EmbeddedPostgres running;

    private StoppablePostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** Starts a fresh server on a free port, its data in {@code data} (a directory the test owns, such as a @TempDir). */
    public static StoppablePostgres start(Path data) throws IOException {
        StoppablePostgres pg = new StoppablePostgres(data, freePort());
        pg.running = pg.launch(true);
        return pg;
    }

    public int port() {
        return port;
    }

    /** Stops the server (fast shutdown); its port refuses connections until {@link #restart()}. */
    public void stop() throws IOException {
        running.close();
        running = null;
    }

    /** Starts the stopped server again, on the same port and data. */
    public void restart() throws IOException {
        if (running != null) {
            throw new IllegalStateException("PostgreSQL on port " + port + " is already running");
        }
        running = launch(false);
    }

    @Override
    public void close() throws IOException {
        if (running != null) {
            stop();
        }
    }

    private EmbeddedPostgres launch(boolean fresh) throws IOException {
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(EmbeddedServers.workDirectory().resolve("pg-binaries").toFile())
                .setDataDirectory(data).setCleanDataDirectory(fresh).setPort(port).setRegisterShutdownHook(false).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
