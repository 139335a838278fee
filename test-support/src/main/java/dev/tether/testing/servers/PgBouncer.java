package dev.tether.testing.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A PgBouncer process of the test's own (own ini, port and auth file in a temporary directory) in front of a
 * PostgreSQL {@link Server}, stopped by {@link #close()} or when the JVM exits. PgBouncer refuses to run as root,
 * so as root it runs as user {@code postgres}. A missing {@code pgbouncer} binary fails the test saying how to
 * install it: {@code .ci/run} installs Debian's package.
 */
public final class PgBouncer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Server target;
    private final String poolMode;
    private final int port;
    private final Path directory;
    private final Process process;
    private final StopAtExit stopAtExit;

    private PgBouncer(Server target, String poolMode, int port, Path directory, Process process) {
        this.target = target;
        this.poolMode = poolMode;
        this.port = port;
        this.directory = directory;
        this.process = process;
        this.stopAtExit = new StopAtExit("pgbouncer-stop-" + port, this::stop);
    }

    /**
     * Starts PgBouncer in {@code poolMode} ("session" or "transaction") with at most {@code poolSize} server
     * connections to {@code target}'s database, and waits until it accepts connections.
     */
    public static PgBouncer start(Server target, String poolMode, int poolSize) throws IOException {
        if (!target.isPostgres()) {
            throw new IllegalArgumentException("PgBouncer speaks the PostgreSQL protocol only: " + target);
        }
        String binary = LocalProcesses.binary("pgbouncer", "/usr/sbin", "/usr/local/sbin", "/usr/bin")
                .orElseThrow(() -> new IllegalStateException("pgbouncer is not installed, and the "
                + "pooler tests need it: run .ci/run (it installs Debian's pgbouncer) or apt-get install pgbouncer"));
        Path directory = LocalProcesses.temporaryDirectory("tether-pgbouncer-", false);
        int port = LocalProcesses.freePort();
        Path users = directory.resolve("users.txt");
        Files.writeString(users, quoted(target.user()) + " " + quoted(target.password()) + "\n");
        Path ini = directory.resolve("pgbouncer.ini");
        Files.writeString(ini, String.join("\n",
                "[databases]",
                target.database() + " = host=" + target.host() + " port=" + target.port() + " dbname=" + target.database(),
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "auth_type = trust",
                "auth_file = " + users,
                "pool_mode = " + poolMode,
                "default_pool_size = " + poolSize,
                "max_client_conn = 500",
                // pgjdbc sends extra_float_digits at start-up; PgBouncer refuses parameters it does not track.
                "ignore_startup_parameters = extra_float_digits",
                ""));
        List<String> command = new ArrayList<>(LocalProcesses.asServerUser());
        if (LocalProcesses.runningAsRoot()) {
            LocalProcesses.chownToServerUser(users);
        }
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------")); // it may hold a password
        command.addAll(List.of(binary, ini.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("pgbouncer.log").toFile()).start();
        PgBouncer bouncer = new PgBouncer(target, poolMode, port, directory, process);
        try {
            LocalProcesses.awaitListening("PgBouncer", port, process::isAlive, START_TIMEOUT,
                    directory.resolve("pgbouncer.log"));
        } catch (IOException | RuntimeException e) {
            bouncer.close();
            throw e;
        }
        System.err.println("[tether-it] PgBouncer (" + poolMode + " mode, pool " + poolSize + ") on 127.0.0.1:" + port
                + " in front of " + target.host() + ":" + target.port() + "/" + target.database());
        return bouncer;
    }

    /** What clients connect to: this PgBouncer, with the target's database, user and password. */
    public Server server() {
        return new Server(Server.POSTGRESQL, "127.0.0.1", port, target.database(), target.user(), target.password(),
                "PgBouncer " + poolMode + " mode on 127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stopAtExit.stopNow();
    }

    private void stop() {
        LocalProcesses.stop(process);
        LocalProcesses.deleteQuietly(directory);
    }

    /** PgBouncer's auth_file quoting: double quotes, a double quote inside doubled. */
    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
