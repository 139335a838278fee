package dev.tether.testing.servers;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A MariaDB server of the test's own ({@code mariadb-install-db} in a temporary directory, its own port), for tests
 * that restart it, which the shared one must never be. User {@code root} with no password; database {@code tether}.
 * Stopped by {@link #close()} or when the JVM exits. Missing binaries fail the test saying how to install them.
 */
public final class LocalMariaDb implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String DATABASE = "tether";

    private final Path directory;
    private final int port;
    private final String mariadbd;
    private final StopAtExit stopAtExit;
    private Process process;

    private LocalMariaDb(Path directory, int port, String mariadbd) {
        this.directory = directory;
        this.port = port;
        this.mariadbd = mariadbd;
        this.stopAtExit = new StopAtExit("mariadb-stop-" + port, this::stopAndDelete);
    }

    /** Creates and starts a server with database {@code tether}, and waits until it accepts connections. */
    public static LocalMariaDb start() throws IOException, SQLException {
        String install = binary("mariadb-install-db");
        Path directory = LocalProcesses.temporaryDirectory("tether-mariadb-", false);
        LocalMariaDb mariadb = new LocalMariaDb(directory, LocalProcesses.freePort(), binary("mariadbd"));
        try {
            LocalProcesses.run(List.of(install, "--no-defaults", "--datadir=" + directory.resolve("data"), "--user=root",
                    "--auth-root-authentication-method=normal", "--skip-test-db"), directory.resolve("install.log"), TIMEOUT);
            mariadb.startProcess();
            try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + mariadb.port + "/", "root", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            mariadb.close();
            throw e;
        }
        System.err.println("[tether-it] own MariaDB on 127.0.0.1:" + mariadb.port + " in " + directory);
        return mariadb;
    }

    public Server server() {
        return new Server(Server.MYSQL, "127.0.0.1", port, DATABASE, "root", "", "own MariaDB on 127.0.0.1:" + port);
    }

    /** A normal shutdown (clients see their sessions end), then a start on the same port and data. */
    public void restart() throws IOException {
        LocalProcesses.stop(process);
        startProcess();
    }

    @Override
    public void close() {
        stopAtExit.stopNow();
    }

    private void startProcess() throws IOException {
        Path log = directory.resolve("server.log");
        process = new ProcessBuilder(mariadbd, "--no-defaults", "--datadir=" + directory.resolve("data"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + directory.resolve("mysqld.sock"),
                "--pid-file=" + directory.resolve("mysqld.pid"), "--user=root", "--skip-log-bin",
                "--innodb-buffer-pool-size=16M", "--max-connections=100")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        LocalProcesses.awaitListening("MariaDB", port, process::isAlive, TIMEOUT, log);
    }

    private void stopAndDelete() {
        if (process != null) {
            LocalProcesses.stop(process);
        }
        LocalProcesses.deleteQuietly(directory);
    }

    private static String binary(String name) {
        return LocalProcesses.binary(name, "/usr/sbin", "/usr/bin").orElseThrow(() -> new IllegalStateException(name
                + " is not installed, and the restart tests start their own MariaDB with it: apt-get install mariadb-server"));
    }
}
