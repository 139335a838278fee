package dev.tether.it.micronaut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real Micronaut Netty server, controllers on virtual threads, and a real database whose sessions are
 * counted on the server. Each engine extends this once, with a database of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MicronautEndToEndContract {
    private Server server;
    private ServerAdmin admin;
    private MicronautApp app;

    protected abstract Server server();

    /** The test class's own database, so that the server's session counts are this class's. */
    protected abstract String database();

    @BeforeAll
    void createDatabase() throws SQLException {
        server = server();
        admin = new ServerAdmin(server);
        admin.createDatabase(database());
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        admin.dropDatabase(database());
        admin.close();
    }

    @BeforeEach
    void resetStreams() {
        ItController.streamCompleted.set(false);
        ItController.streamCancelled.set(false);
    }

    @AfterEach
    void stopApp() throws SQLException {
        if (app != null) {
            app.close();
            app = null;
        }
        assertEquals(0, admin.awaitConnectionsTo(database(), 0, Duration.ofSeconds(10)), "shutdown closed every connection");
    }

    private MicronautApp start(Map<String, Object> settings) {
        app = new MicronautApp(server, database(), settings);
        return app;
    }

    @Test
    void thousandSequentialRequestsUseOnePhysicalConnection() throws SQLException {
        start(Map.of("conn-max-age", "unlimited", "persistence", "context"));
        Set<String> sessions = sessionsOfSequentialRequests(1000);
        assertEquals(1, sessions.size(), "every request ran on the same server session");
        assertEquals(1, app.stats().opened());
        assertEquals(1, admin.connectionsTo(database()), "the server saw one connection");
    }

    @Test
    void jdbcOnTheEventLoopIsRefusedAndOpensNoSession() throws SQLException {
        start(Map.of("conn-max-age", "unlimited"));

        assertEquals(500, app.get("/it/loop").statusCode());
        app.awaitQuiet(1);
        assertEquals(0, app.stats().opened());
        assertEquals(0, admin.connectionsTo(database()), "no session was opened on the event loop");
    }

    @Test
    void jdbcOnTheEventLoopRunsWithTheOptOut() throws SQLException {
        start(Map.of("conn-max-age", "unlimited", "tether.allow-event-loop-jdbc", true));

        HttpResponse<String> first = app.get("/it/loop");
        HttpResponse<String> second = app.get("/it/loop");

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(first.body(), second.body(), "both requests ran on one persistent session");
        app.awaitQuiet(2);
        assertEquals(1, admin.connectionsTo(database()));
    }

    @Test
    void maxAgeZeroOpensOneConnectionPerRequest() throws SQLException {
        start(Map.of("conn-max-age", 0, "persistence", "context"));
        Set<String> sessions = sessionsOfSequentialRequests(1000);
        assertEquals(1000, sessions.size(), "each request had a server session of its own");
        assertEquals(1000, app.stats().opened());
        assertEquals(0, admin.awaitConnectionsTo(database(), 0, Duration.ofSeconds(10)), "each was closed when its request ended");
    }

    @Test
    void fiveHundredConcurrentBlockingRequestsNeverExceedTheCap() throws Exception {
        start(Map.of("conn-max-age", "unlimited", "persistence", "context", "max-connections", 8));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger mostSeen = new AtomicInteger();
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
             ExecutorService sampler = Executors.newSingleThreadExecutor()) {
            Future<?> sampling = sampler.submit(() -> {
                try (ServerAdmin watcher = new ServerAdmin(server)) {
                    while (running.get()) {
                        mostSeen.accumulateAndGet(watcher.connectionsTo(database()), Math::max);
                    }
                }
                return null;
            });
            try {
                for (int i = 0; i < 500; i++) {
                    responses.add(clients.submit(() -> app.get("/it/sleep")));
                }
                for (Future<HttpResponse<String>> response : responses) {
                    if (response.get().statusCode() != 200) {
                        failures.add(response.get().statusCode() + " " + response.get().body());
                    }
                }
            } finally {
                running.set(false);
            }
            sampling.get();
        }
        assertEquals(List.of(), failures, "every response is 200");
        app.awaitQuiet(500);
        assertTrue(mostSeen.get() <= 8, "the server saw " + mostSeen + " connections, more than the cap of 8");
        assertTrue(mostSeen.get() > 1, "the requests overlapped (the server saw " + mostSeen + " connections at most)");
        assertTrue(app.stats().opened() <= 8, "opened " + app.stats().opened());
    }

    @Test
    void connectionKilledBetweenRequestsCostsNoRequestWithHealthChecks() throws SQLException {
        start(Map.of("conn-max-age", "unlimited", "persistence", "context", "conn-health-checks", true));
        Set<String> sessions = new HashSet<>();
        for (int round = 0; round < 5; round++) {
            HttpResponse<String> response = app.get("/it/session");
            assertEquals(200, response.statusCode(), "round " + round + ": " + response.body());
            sessions.add(response.body());
            app.awaitQuiet(round + 1);
            assertEquals(1, admin.terminateAll(database()));
            admin.awaitConnectionsTo(database(), 0, Duration.ofSeconds(10));
        }
        assertEquals(5, sessions.size(), "each round ran on a new session after the kill");
    }

    @Test
    void connectionKilledBetweenRequestsCostsAtMostOneRequestWithoutHealthChecks() throws SQLException {
        start(Map.of("conn-max-age", "unlimited", "persistence", "context", "conn-health-checks", false));
        assertEquals(200, app.get("/it/session").statusCode());
        app.awaitQuiet(1);
        assertEquals(1, admin.terminateAll(database()));
        admin.awaitConnectionsTo(database(), 0, Duration.ofSeconds(10));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(app.get("/it/session").statusCode());
        }
        assertTrue(statuses.stream().filter(s -> s != 200).count() <= 1, "statuses after the kill: " + statuses);
        assertEquals(List.of(200, 200, 200, 200), statuses.subList(1, 5), "only the first request may fail");
    }

    @Test
    void controllerThatThrowsFinishesOnceAndReleasesItsConnection() throws SQLException {
        start(Map.of("conn-max-age", "unlimited", "persistence", "context"));
        assertEquals(500, app.get("/it/boom").statusCode());
        app.awaitQuiet(1);
        assertEquals(1, app.signals.requestsStarted());
        assertEquals(200, app.get("/it/session").statusCode(), "the released connection serves the next request");
        app.awaitQuiet(2);
        assertEquals(1, app.stats().opened());
    }

    @Test
    void streamedResponseFinishesOnceAfterItsLastChunk() {
        start(Map.of("conn-max-age", "unlimited", "persistence", "context"));
        AtomicBoolean completedBeforeFinish = new AtomicBoolean();
        app.signals.onRequestFinished(() -> completedBeforeFinish.set(ItController.streamCompleted.get()));

        HttpResponse<String> response = app.get("/it/stream");

        assertEquals(200, response.statusCode());
        assertEquals(5, response.body().lines().count(), response.body());
        app.awaitQuiet(1);
        assertTrue(completedBeforeFinish.get(), "the request finished after the last chunk");
        assertEquals(1, app.signals.requestsStarted());
    }

    @Test
    void clientDisconnectingMidResponseFinishesOnceAndReleasesTheConnection() throws IOException {
        start(Map.of("conn-max-age", "unlimited", "persistence", "context"));
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /it/forever HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            readUntil(socket.getInputStream(), "tick 3");
            assertEquals(1, app.stats().inUse(), "the stream holds its connection while it runs");
        }
        app.await("the stream to be cancelled", ItController.streamCancelled::get);
        app.awaitQuiet(1);
        assertEquals(1, app.signals.requestsStarted());
    }

    /** Sends {@code count} requests one after another; returns the server sessions they ran on. */
    private Set<String> sessionsOfSequentialRequests(int count) {
        Set<String> sessions = new HashSet<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = app.get("/it/session");
            assertEquals(200, response.statusCode(), response.body());
            sessions.add(response.body());
        }
        app.awaitQuiet(count);
        return sessions;
    }

    private static void readUntil(InputStream in, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[256];
        while (seen.indexOf(marker) < 0) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new AssertionError("connection closed before '" + marker + "'; got: " + seen);
            }
            seen.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
        }
    }
}
