package dev.tether.it.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.CloseReason;
import dev.tether.api.TetherException;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import dev.tether.testing.servers.ServerPeak;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real Vert.x HTTP server on a random port, a real database (a dedicated one per test class, so the
 * server's session count is this test's), and the adapter between them, with a cap of 8 connections.
 */
abstract class VertxEndToEndContract {
    private static final int REQUESTS = 2_000;

    private final Server base;
    private final Server server;
    private final String database;
    private VertxApp app;

    VertxEndToEndContract(Server base, String database) {
        this.base = base;
        this.server = base.withDatabase(database);
        this.database = database;
    }

    @BeforeEach
    void createDatabase() throws SQLException {
        try (ServerAdmin admin = new ServerAdmin(base)) {
            admin.createDatabase(database);
        }
    }

    @AfterEach
    void stopApp() throws SQLException {
        if (app != null) {
            app.close();
        }
        try (ServerAdmin admin = new ServerAdmin(base)) {
            assertEquals(0, admin.awaitConnectionsTo(database, 0, Duration.ofSeconds(10)),
                    "closing Tether closed its connections on the server");
        }
    }

    private VertxApp start(boolean healthChecks) {
        app = new VertxApp(server, database, healthChecks);
        return app;
    }

    @Test
    void twoThousandConcurrentRequestsOnTheEventLoopStayUnderTheCap() throws SQLException {
        VertxApp app = start(false);
        twoThousandConcurrentRequestsStayUnderTheCap(app, app.serveOnEventLoop(), "/query", "event loop + withConnection");
    }

    @Test
    void twoThousandConcurrentRequestsInAVirtualThreadVerticleCallingJdbcDirectly() throws SQLException {
        VertxApp app = start(false);
        twoThousandConcurrentRequestsStayUnderTheCap(app, app.deployVirtualThreadVerticle(16), "/",
                "VIRTUAL_THREAD verticle x16, direct JDBC");
    }

    private void twoThousandConcurrentRequestsStayUnderTheCap(VertxApp app, int port, String path, String run)
            throws SQLException {
        List<Integer> statuses;
        int peak;
        try (ServerPeak sessions = ServerPeak.watch(base, database)) {
            statuses = app.load(port, path, REQUESTS);
            app.awaitSettled(REQUESTS);
            peak = sessions.peak();
        }

        assertEquals(Map.of(200, (long) REQUESTS), countByStatus(statuses));
        assertTrue(peak > 0 && peak <= VertxApp.CAP, "server sessions peaked at " + peak + ", cap " + VertxApp.CAP);
        assertTrue(app.stats().opened() <= VertxApp.CAP,
                "opened " + app.stats().opened() + " connections for " + REQUESTS + " requests");
        assertEquals(REQUESTS, app.signals.requestsStarted());
        assertEquals(REQUESTS, app.signals.requestsFinished());
        assertEquals(0, app.stats().inUse());
        report(run, peak, app);
    }

    @Test
    void aRouterWithWebHandlersFinishesEveryRequestOnceRollsBackAndStaysUnderTheCap() throws Exception {
        try (Connection setup = server.connect(); Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE marks (id INT)");
        }
        VertxApp app = start(false);
        int port = app.serveRouter();
        int disconnects = 50;
        int timeouts = 10;
        int other = REQUESTS - disconnects - timeouts;

        List<Integer> statuses;
        List<Integer> timedOut;
        int peak;
        try (ServerPeak sessions = ServerPeak.watch(base, database);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> leaving = new ArrayList<>();
            for (int i = 0; i < disconnects; i++) {
                leaving.add(clients.submit(disconnectAfter(port, "/hang", "partial")));
            }
            List<io.vertx.core.Future<Integer>> slow = app.fire(port, "/never", timeouts, new AtomicInteger());
            List<io.vertx.core.Future<Integer>> all = new ArrayList<>();
            for (int i = 0; i < other; i++) {
                all.add(app.get(port, i % 10 == 0 ? "/fail" : i % 10 == 1 ? "/tx" : "/query"));
            }
            statuses = all.stream().map(VertxApp::await).toList();
            timedOut = slow.stream().map(VertxApp::await).toList();
            for (Future<Void> client : leaving) {
                client.get();
            }
            app.awaitSettled(REQUESTS);
            peak = sessions.peak();
        }

        long fails = (other + 9) / 10;
        long transactions = (other + 8) / 10;
        assertEquals(Map.of(200, other - fails, 500, fails), countByStatus(statuses));
        assertEquals(Map.of(503, (long) timeouts), countByStatus(timedOut), "TimeoutHandler answered");
        assertEquals(REQUESTS, app.signals.requestsStarted());
        assertEquals(REQUESTS, app.signals.requestsFinished(), "each request finished exactly once");
        assertEquals(0, app.stats().inUse(), "no connection stays checked out");
        assertTrue(peak > 0 && peak <= VertxApp.CAP, "server sessions peaked at " + peak + ", cap " + VertxApp.CAP);
        try (Connection check = server.connect(); Statement statement = check.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM marks")) {
            rows.next();
            assertEquals(0, rows.getInt(1), transactions + " transactions left open were all rolled back");
        }
        report("vert.x-web Router with Logger/Body/Timeout handlers", peak, app);
    }

    @Test
    void failingHandlersAndDisconnectingClientsFinishOnceAndGiveTheirConnectionsBack() throws Exception {
        VertxApp app = start(false);
        int port = app.serveOnEventLoop();
        int each = 100;

        List<Integer> normal;
        List<Integer> failing;
        int peak;
        try (ServerPeak sessions = ServerPeak.watch(base, database);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> disconnects = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                disconnects.add(clients.submit(disconnectMidRequest(port, "/slow")));
            }
            List<io.vertx.core.Future<Integer>> failingRun = app.fire(port, "/fail", each, new AtomicInteger());
            normal = app.load(port, "/query", each);
            failing = failingRun.stream().map(VertxApp::await).toList();
            for (Future<Void> disconnect : disconnects) {
                disconnect.get();
            }
            VertxApp.awaitTrue(() -> app.slowArrived.get() == each, () -> "the disconnecting clients' requests to arrive");
            app.awaitSettled(3 * each);
            peak = sessions.peak();
        }

        assertEquals(Map.of(200, (long) each), countByStatus(normal));
        assertEquals(Map.of(500, (long) each), countByStatus(failing));
        assertEquals(3 * each, app.signals.requestsStarted());
        assertEquals(3 * each, app.signals.requestsFinished(), "each request finished exactly once");
        assertEquals(0, app.stats().inUse(), "no connection stays checked out");
        assertTrue(peak <= VertxApp.CAP, "server sessions peaked at " + peak);
    }

    @Test
    void connectionsKilledByTheServerBetweenBurstsCostNoRequestWithHealthChecks() throws SQLException {
        VertxApp app = start(true);
        int port = app.serveOnEventLoop();
        int bursts = 4;
        int killed = 0;

        List<Integer> statuses = new ArrayList<>();
        int peak;
        try (ServerPeak sessions = ServerPeak.watch(base, database); ServerAdmin admin = new ServerAdmin(base)) {
            for (int burst = 0; burst < bursts; burst++) {
                if (burst > 0) {
                    int kills = admin.terminateAll(database); // the app keeps running: its idle connections die
                    assertTrue(kills > 0, "the server had sessions to kill");
                    killed += kills;
                }
                statuses.addAll(app.load(port, "/query", REQUESTS / bursts));
                app.awaitSettled(statuses.size());
            }
            peak = sessions.peak();
        }

        assertEquals(Map.of(200, (long) REQUESTS), countByStatus(statuses));
        assertEquals(killed, app.signals.closed(CloseReason.HEALTH_CHECK), "each killed connection was caught by its health check");
        assertTrue(peak <= VertxApp.CAP, "server sessions peaked at " + peak);
        assertEquals(0, app.stats().inUse());
        report("kills between bursts (" + killed + " sessions killed)", peak, app);
    }

    @Test
    void connectionsKilledWhileRequestsFlowCostAtMostTheRequestsUsingThem() throws Exception {
        VertxApp app = start(true);
        int port = app.serveOnEventLoop();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger killed = new AtomicInteger();

        List<Integer> statuses;
        List<Integer> after;
        int peak;
        try (ServerPeak sessions = ServerPeak.watch(base, database);
             ExecutorService killer = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> kills = killer.submit(() -> {
                try (ServerAdmin admin = new ServerAdmin(base)) {
                    for (int mark : new int[]{REQUESTS / 4, REQUESTS / 2, 3 * REQUESTS / 4}) {
                        VertxApp.awaitTrue(() -> answered.get() >= mark, () -> mark + " answers");
                        killed.addAndGet(admin.terminateAll(database));
                    }
                }
                return null;
            });
            statuses = app.load(port, "/query", REQUESTS, answered);
            kills.get();
            after = app.load(port, "/query", 200);
            app.awaitSettled(REQUESTS + 200);
            peak = sessions.peak();
        }

        Map<Integer, Long> byStatus = countByStatus(statuses);
        long failed = REQUESTS - byStatus.getOrDefault(200, 0L);
        assertEquals(REQUESTS, byStatus.getOrDefault(200, 0L) + byStatus.getOrDefault(500, 0L), "every request was answered: " + byStatus);
        assertTrue(killed.get() > 0, "the server had sessions to kill");
        assertTrue(failed <= killed.get(), failed + " requests failed for " + killed + " killed sessions");
        assertEquals(Map.of(200, 200L), countByStatus(after), "the application recovered");
        assertTrue(peak <= VertxApp.CAP, "server sessions peaked at " + peak);
        assertEquals(0, app.stats().inUse());
        report("kills while requests flow (" + killed + " sessions killed, " + failed + " requests failed)", peak, app);
    }

    @Test
    void jdbcOnTheEventLoopIsAnswered500WithTheClearError() {
        VertxApp app = start(false);
        int port = app.serveOnEventLoop();

        int status = VertxApp.await(app.get(port, "/event-loop-jdbc"));

        assertEquals(500, status);
        app.awaitSettled(1);
        VertxApp.awaitTrue(() -> !app.unhandled.isEmpty(), () -> "the error to reach Vert.x");
        Throwable error = app.unhandled.getFirst();
        assertTrue(error instanceof TetherException, error.toString());
        assertTrue(error.getMessage().startsWith("[default] JDBC was called on the Vert.x event-loop thread"), error.getMessage());
        assertTrue(error.getMessage().contains("withConnection"), error.getMessage());
        assertEquals(0, app.stats().opened(), "no connection was opened on the event loop");
    }

    /** Sends a request and closes the socket at once, while the server is still working on it. */
    private static Callable<Void> disconnectMidRequest(int port, String path) {
        return () -> {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                throw new IOException("client could not send its request", e);
            }
            return null;
        };
    }

    /** A client that reads the response up to {@code marker}, then goes away before it ends. */
    private static Callable<Void> disconnectAfter(int port, String path, String marker) {
        return () -> {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                StringBuilder seen = new StringBuilder();
                byte[] buffer = new byte[512];
                while (seen.indexOf(marker) < 0) {
                    int n = socket.getInputStream().read(buffer);
                    if (n < 0) {
                        throw new IOException("the response ended before '" + marker + "': " + seen);
                    }
                    seen.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
                }
            }
            return null;
        };
    }

    private static Map<Integer, Long> countByStatus(List<Integer> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private void report(String run, int peak, VertxApp app) {
        System.err.printf("[tether-it] Vert.x %s on %s: peak %d server sessions, %d opened, %d requests finished%n",
                run, server.engine(), peak, app.stats().opened(), app.signals.requestsFinished());
    }
}
