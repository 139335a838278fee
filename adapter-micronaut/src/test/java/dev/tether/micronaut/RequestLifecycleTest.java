package dev.tether.micronaut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.ContextStorage;
import dev.tether.testing.Await;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every HTTP request is one unit of work, finished exactly once however the response ends. */
class RequestLifecycleTest {
    private TestApp app;

    @BeforeEach
    void start() {
        LifecycleController.streamCompleted.set(false);
        LifecycleController.streamCancelled.set(false);
        LifecycleController.release = new CountDownLatch(1);
        app = new TestApp("RequestLifecycleTest", Map.of());
    }

    @AfterEach
    void stop() {
        LifecycleController.release.countDown();
        app.close();
    }

    @Test
    void blockingControllersReuseOnePersistentConnection() {
        for (int i = 0; i < 3; i++) {
            assertEquals("virtual=true autocommit=true", app.get("/t/blocking").body());
        }
        app.awaitQuiet(3);
        assertEquals(3, app.signals.requestsStarted());
        assertEquals(1, app.backend.connections.size(), "one physical connection serves all three requests");
    }

    @Test
    void storageTellsTheEngineARequestHasNoOwnerThreadAndOnlyTheEventLoopMustNotBlock() throws Exception {
        ContextStorage storage = app.context.getBean(ContextStorage.class);

        assertEquals("owner=null mustNotBlock=false", app.get("/t/storage").body());
        assertFalse(storage.contextsAreThreads(), "a request hops threads");
        assertSame(Thread.currentThread(), storage.ownerThread(), "outside requests the calling thread owns its state");
        assertFalse(storage.mustNotBlock());
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            assertTrue(loop.submit(storage::mustNotBlock).get(10, TimeUnit.SECONDS), "a Netty event loop must not block");
        } finally {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }

    @Test
    void jdbcOnTheEventLoopIsRefusedNamingExecuteOn() {
        String answer = app.get("/t/loop").body();

        assertTrue(answer.startsWith("refused: [default] JDBC was called on the Netty event-loop thread"), answer);
        assertTrue(answer.contains("@ExecuteOn(TaskExecutors.BLOCKING)"), answer);
        assertTrue(answer.contains("tether.allow-event-loop-jdbc: true"), answer);
        app.awaitQuiet(1);
        assertEquals(0, app.backend.connections.size(), "no connection was opened on the event loop");
    }

    @Test
    void jdbcOnTheEventLoopRunsWhenAllowed() {
        app.close();
        app = new TestApp("RequestLifecycleTest", Map.of("tether.allow-event-loop-jdbc", true));
        for (int i = 0; i < 3; i++) {
            assertEquals("autocommit=true", app.get("/t/loop").body());
            assertEquals("virtual=true autocommit=true", app.get("/t/blocking").body());
        }
        assertEquals(1, app.backend.connections.size(), "one physical connection serves all six requests");
    }

    @Test
    void requestsOneAfterAnotherReuseOneConnectionWithoutWaitingForTheirEnds() {
        // Each request ends on the event loop just after its response; a clean connection is given back right there,
        // before the next request on the same HTTP connection is read.
        for (int i = 0; i < 200; i++) {
            assertEquals(200, app.get("/t/blocking").statusCode());
        }
        assertEquals(1, app.backend.connections.size(), "one physical connection serves every request");
    }

    @Test
    void aBodyReadWhileTheResponseIsWrittenKeepsItsConnectionUntilWritten() {
        HttpResponse<String> response = app.get("/t/rows");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("[\"row 1\",") && response.body().endsWith(",\"row 200\"]"),
                response.body());
        app.awaitQuiet(1);
    }

    @Test
    void requestEndWorkRunsOffTheEventLoop() {
        app.close();
        app = new TestApp("RequestLifecycleTest", Map.of("tether.databases.default.conn-max-age", 0));
        java.util.concurrent.atomic.AtomicBoolean closedOnEventLoop = new java.util.concurrent.atomic.AtomicBoolean();
        app.backend.onClose = () -> closedOnEventLoop.compareAndSet(false, MicronautContextStorage.onEventLoop());
        assertEquals(200, app.get("/t/blocking").statusCode());
        app.awaitQuiet(1);
        Await.until("the connection closed at request end", () -> app.backend.openCount() == 0);

        assertEquals(1, app.backend.connections.size());
        assertFalse(closedOnEventLoop.get(), "CONN_MAX_AGE=0 closed it, but not on the event loop");
    }

    @Test
    void blockingControllerSeesTheRequestsWrapperAfterTheThreadHop() {
        assertEquals("same=true virtual=true", app.get("/t/hop").body());
    }

    @Test
    void connectionLeftOpenByTheControllerIsReleasedWhenTheRequestEnds() {
        for (int i = 1; i <= 3; i++) {
            assertEquals(200, app.get("/t/leak").statusCode());
            app.awaitQuiet(i);
        }
        assertEquals(1, app.backend.connections.size(), "the released connection went back for the next request");
    }

    @Test
    void controllerThatThrowsFinishesItsRequestOnce() {
        assertEquals(500, app.get("/t/boom").statusCode());
        app.awaitQuiet(1);
        assertEquals(1, app.signals.requestsStarted());
    }

    @Test
    void databaseFailureIsAnswered503WithoutItsDetails() {
        HttpResponse<String> response = app.get("/t/db-down");

        assertEquals(503, response.statusCode());
        assertEquals("Service Unavailable: database error", response.body());
        app.awaitQuiet(1);
    }

    @Test
    void errorResponseFinishesItsRequestOnce() {
        assertEquals(500, app.get("/t/error-response").statusCode());
        app.awaitQuiet(1);
        assertEquals(1, app.signals.requestsStarted());
    }

    @Test
    void unknownPathIsAlsoOneRequest() {
        assertEquals(404, app.get("/no/such/path").statusCode());
        app.awaitQuiet(1);
        assertEquals(1, app.signals.requestsStarted());
    }

    @Test
    void streamedResponseFinishesAfterItsLastChunk() {
        AtomicBoolean completedBeforeFinish = new AtomicBoolean();
        app.signals.onRequestFinished(() -> completedBeforeFinish.set(LifecycleController.streamCompleted.get()));

        HttpResponse<String> response = app.get("/t/stream");

        assertEquals("chunk 1\nchunk 2\nchunk 3\nchunk 4\nchunk 5\n", response.body());
        app.awaitQuiet(1);
        assertTrue(completedBeforeFinish.get(), "request finished only after the stream had completed");
        assertEquals(1, app.signals.requestsStarted());
    }

    @Test
    void clientDisconnectingMidStreamFinishesTheRequestOnce() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            send(socket, "GET /t/forever HTTP/1.1\r\nHost: localhost\r\n\r\n");
            readUntil(socket.getInputStream(), "tick 2");
            assertEquals(1, app.tether().stats("default").inUse(), "the stream holds its connection while it runs");
        }
        Await.until("the stream to be cancelled", LifecycleController.streamCancelled::get);
        app.awaitQuiet(1);
        assertEquals(1, app.signals.requestsStarted());
    }

    @Test
    void clientDisconnectingBeforeTheResponseFinishesTheRequestOnce() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            send(socket, "GET /t/slow HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertTrue(LifecycleController.slowStarted.await(10, TimeUnit.SECONDS), "/t/slow started");
        }
        LifecycleController.release.countDown();
        app.awaitQuiet(1);
        assertEquals(1, app.signals.requestsStarted());
    }

    @Test
    void concurrentRequestsEachFinishExactlyOnce() throws Exception {
        int requests = 200;
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < requests; i++) {
                String path = i % 2 == 0 ? "/t/blocking" : "/t/leak";
                statuses.add(clients.submit(() -> app.get(path).statusCode()));
            }
        }
        for (Future<Integer> status : statuses) {
            assertEquals(200, status.get());
        }
        app.awaitQuiet(requests);
        assertEquals(requests, app.signals.requestsStarted());
    }

    @Test
    void requestBindingCanBeTurnedOff() {
        app.close();
        app = new TestApp("RequestLifecycleTest", Map.of("tether.http.enabled", false));
        assertEquals("autocommit=true", app.get("/t/blocking").body().substring("virtual=true ".length()));
        assertEquals(0, app.signals.requestsStarted(), "no request signal was sent");
    }

    private static void send(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
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
