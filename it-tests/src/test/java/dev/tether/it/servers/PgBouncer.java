package dev.tether.it.servers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PgBouncer process of the test's own (own ini, port and auth file in a temporary directory) in front of a
 * PostgreSQL {@link Server}, stopped by {@link #close()} or when the JVM exits. PgBouncer refuses to run as root,
 * so as root it runs as user {@code postgres}. A missing {@code pgbouncer} binary fails the test saying how to
 * install it: {@code .ci/run} installs Debian's package.
 */
public final class PgBouncer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final String RUN_AS = "postgres";

    private final Server target;
    private final String poolMode;
    private final int port;
    private final Path directory;
    private final Process process;
    private final Thread stopAtExit;

    private PgBouncer(Server target, String poolMode, int port, Path directory, Process process) {
        this.target = target;
        this.poolMode = poolMode;
        this.port = port;
        this.directory = directory;
        this.process = process;
        this.stopAtExit = new Thread(this::stop, "pgbouncer-stop-" + port);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * Starts PgBouncer in {@code poolMode} ("session" or "transaction") with at most {@code poolSize} server
     * connections to {@code target}'s database, and waits until it accepts connections.
     */
    public static PgBouncer start(Server target, String poolMode, int poolSize) throws IOException {
        if (!target.isPostgres()) {
            throw new IllegalArgumentException("PgBouncer speaks the PostgreSQL protocol only: " + target);
        }
        String binary = binary().orElseThrow(() -> new IllegalStateException("pgbouncer is not installed, and the "
                + "pooler tests need it: run .ci/run (it installs Debian's pgbouncer) or apt-get install pgbouncer"));
        Path directory = Files.createTempDirectory("tether-pgbouncer-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        int port = freePort();
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
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            Files.setOwner(users, users.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(RUN_AS));
            command.addAll(List.of("runuser", "-u", RUN_AS, "--"));
        }
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------")); // it may hold a password
        command.addAll(List.of(binary, ini.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("pgbouncer.log").toFile()).start();
        PgBouncer bouncer = new PgBouncer(target, poolMode, port, directory, process);
        bouncer.awaitListening();
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
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is shutting down and runs the hook itself
        }
    }

    private void stop() {
        // runuser forwards SIGTERM, but the pgbouncer process is stopped directly in case it did not.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(directory);
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() - deadline >= 0) {
                    String log = Files.readString(directory.resolve("pgbouncer.log"));
                    close();
                    throw new IllegalStateException("PgBouncer did not start listening on 127.0.0.1:" + port
                            + (process.isAlive() ? " within " + START_TIMEOUT.toSeconds() + " s" : " (exited "
                            + process.exitValue() + ")") + "; its log:\n" + log);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for PgBouncer", e);
            }
        }
    }

    private static Optional<String> binary() {
        Stream<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return Stream.concat(Stream.of("/usr/sbin", "/usr/local/sbin", "/usr/bin"), path)
                .map(dir -> Path.of(dir, "pgbouncer")).filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** PgBouncer's auth_file quoting: double quotes, a double quote inside doubled. */
    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
