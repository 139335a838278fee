package dev.tether.it.pooler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.Persistence;
import dev.tether.api.Pooler;
import dev.tether.testing.servers.PgBouncer;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import dev.tether.testing.servers.ServerPeak;
import dev.tether.testing.servers.Servers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Django's real story: many processes, each with many threads, against one server. {@value #INSTANCES} application
 * instances run in JVMs of their own, each a Tether with cap {@value LoadInstance#CAP} under load (half of them
 * thread-local, half context-local), counted from the server's side: directly they stay under N x cap; behind
 * PgBouncer in transaction mode they stay under its pool size.
 */
@Timeout(180)
class ManyInstancesTest {
    private static final int INSTANCES = 4;
    private static final int POOL_SIZE = 10;
    private static final Duration LOAD = Duration.ofSeconds(2);
    private static final Pattern DONE = Pattern.compile("DONE requests=(\\d+) errors=(\\d+) open=(\\d+)");

    /** Where admin connections go: never counted. */
    private static Server base;
    /** The test's own database, so sessions other tests keep open elsewhere on the server are not counted. */
    private static Server server;

    @BeforeAll
    static void ownDatabase() throws SQLException {
        base = Servers.postgres();
        server = ServerAdmin.ownDatabase(base, "instances");
    }

    @Test
    void instancesDirectlyOnTheServerStayUnderInstancesTimesCap() throws Exception {
        Run run = runInstances(server, Pooler.NONE);
        List<Result> results = run.results();
        int peak = run.serverPeak();
        System.err.println("[tether-it] " + INSTANCES + " instances on the server: peak " + peak + " sessions, " + results);
        assertNoErrors(results);
        assertTrue(peak <= INSTANCES * LoadInstance.CAP, "server peak " + peak + " > " + INSTANCES + " x " + LoadInstance.CAP);
        assertTrue(peak > LoadInstance.CAP, "server peak " + peak + ": the instances did not overlap, the test proves nothing");
    }

    @Test
    void instancesBehindPgBouncerInTransactionModeStayUnderItsPoolSize() throws Exception {
        Run run;
        try (PgBouncer bouncer = PgBouncer.start(server, "transaction", POOL_SIZE)) {
            run = runInstances(bouncer.server(), Pooler.TRANSACTION);
        }
        List<Result> results = run.results();
        int peak = run.serverPeak();
        System.err.println("[tether-it] " + INSTANCES + " instances through PgBouncer: server peak " + peak + " sessions, "
                + results);
        assertNoErrors(results);
        assertTrue(peak <= POOL_SIZE, "server peak " + peak + " > PgBouncer's default_pool_size " + POOL_SIZE);
        int clientConnections = results.stream().mapToInt(Result::open).sum();
        assertTrue(clientConnections > POOL_SIZE, "the instances held " + clientConnections + " connections to PgBouncer, "
                + "no more than its pool: the test proves nothing");
    }

    private static void assertNoErrors(List<Result> results) {
        assertEquals(INSTANCES, results.size());
        for (Result result : results) {
            assertEquals(0, result.errors(), "instance errors: " + result);
            assertTrue(result.requests() > 0, "instance served no request: " + result);
        }
    }

    /**
     * Starts the instances, lets them all warm up, starts them together and collects what each reports, with the
     * server's peak of sessions on the test's database meanwhile.
     */
    private Run runInstances(Server target, Pooler pooler) throws Exception {
        try (ServerAdmin admin = new ServerAdmin(base)) {
            assertEquals(0, admin.awaitConnectionsTo(server.database(), 0, Duration.ofSeconds(10)),
                    "sessions left on " + server.database() + " before the instances start");
        }
        List<Process> processes = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        try (ServerPeak peak = ServerPeak.watch(base, server.database())) {
            for (int i = 0; i < INSTANCES; i++) {
                Persistence persistence = i % 2 == 0 ? Persistence.THREAD : Persistence.CONTEXT;
                Process process = start(target, persistence, pooler);
                processes.add(process);
                outputs.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (int i = 0; i < INSTANCES; i++) {
                expectLine(outputs.get(i), processes.get(i), "READY");
            }
            assertTrue(peak.samples() > 0, "no server sample yet");
            for (Process process : processes) {
                Writer go = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
                go.write("GO\n");
                go.flush();
            }
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                Matcher done = DONE.matcher(expectLine(outputs.get(i), processes.get(i), "DONE"));
                assertTrue(done.matches());
                results.add(new Result(Integer.parseInt(done.group(1)), Integer.parseInt(done.group(2)),
                        Integer.parseInt(done.group(3))));
            }
            for (Process process : processes) {
                assertTrue(process.waitFor(30, TimeUnit.SECONDS), "an instance did not exit");
            }
            return new Run(results, peak.peak());
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    private Process start(Server target, Persistence persistence, Pooler pooler) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LoadInstance.class.getName(), target.host(), String.valueOf(target.port()), target.database(),
                target.user(), persistence.name(), pooler.name(), String.valueOf(LOAD.toSeconds()))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put(LoadInstance.PASSWORD_ENV, target.password());
        return builder.start();
    }

    /** The instance's next line, which must start with {@code prefix}. */
    private static String expectLine(BufferedReader output, Process process, String prefix) throws IOException {
        String line = output.readLine();
        if (line == null || !line.startsWith(prefix)) {
            throw new AssertionError("instance " + process.pid() + " said " + line + " instead of " + prefix
                    + (process.isAlive() ? "" : " and exited"));
        }
        return line;
    }

    private record Run(List<Result> results, int serverPeak) {
    }

    private record Result(int requests, int errors, int open) {
    }
}
