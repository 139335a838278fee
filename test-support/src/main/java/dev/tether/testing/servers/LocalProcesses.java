package dev.tether.testing.servers;

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
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * What the fixtures that start their own server processes (PgBouncer, PostgreSQL clusters, MariaDB) share: finding a
 * binary, a free port, a temporary directory the server's user may write, running as that user when the tests run as
 * root (PostgreSQL and PgBouncer refuse root), waiting until a port listens, stopping and cleaning up.
 */
final class LocalProcesses {
    /** The user PostgreSQL and PgBouncer run as when the tests run as root. */
    static final String RUN_AS = "postgres";

    private LocalProcesses() {
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command prefix that runs a server as {@link #RUN_AS} when the tests run as root; empty otherwise. */
    static List<String> asServerUser() {
        return runningAsRoot() ? List.of("runuser", "-u", RUN_AS, "--") : List.of();
    }

    /** {@code name} in {@code directories} first, then on the PATH. */
    static Optional<String> binary(String name, String... directories) {
        Stream<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return Stream.concat(Stream.of(directories), path)
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A new temporary directory others may read; owned by {@link #RUN_AS} when {@code forServerUser} and root. */
    static Path temporaryDirectory(String prefix, boolean forServerUser) throws IOException {
        Path directory = Files.createTempDirectory(prefix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        if (forServerUser && runningAsRoot()) {
            chownToServerUser(directory);
        }
        return directory;
    }

    static void chownToServerUser(Path file) throws IOException {
        Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(RUN_AS));
    }

    /** Runs a command to its end, its output into {@code log}; fails with the log when it exits non-zero. */
    static void run(List<String> command, Path log, Duration timeout) throws IOException {
        List<String> full = new ArrayList<>(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + timeout.toSeconds() + " s; its log:\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue()
                    + "; its log:\n" + Files.readString(log));
        }
    }

    /**
     * Waits until something accepts connections on 127.0.0.1:{@code port}; fails with {@code log} if {@code alive}
     * turns false or {@code timeout} passes.
     */
    static void awaitListening(String what, int port, BooleanSupplier alive, Duration timeout, Path log) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                boolean running = alive.getAsBoolean();
                if (!running || System.nanoTime() - deadline >= 0) {
                    throw new IllegalStateException(what + " did not start listening on 127.0.0.1:" + port
                            + (running ? " within " + timeout.toSeconds() + " s" : " (it exited)") + "; its log:\n"
                            + (Files.exists(log) ? Files.readString(log) : "(none)"));
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Ends a process and its children (runuser forwards SIGTERM, but the server is stopped directly in case not). */
    static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
