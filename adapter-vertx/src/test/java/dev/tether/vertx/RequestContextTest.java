package dev.tether.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseWrapper;
import dev.tether.api.TetherException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestContextTest {
    private final Rig rig = new Rig();

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void aRequestKeepsOneContextFromTheEventLoopToTheWorkerThread() {
        List<DatabaseWrapper> onEventLoop = new CopyOnWriteArrayList<>();
        List<DatabaseWrapper> onWorker = new CopyOnWriteArrayList<>();
        int port = rig.serve(request -> {
            onEventLoop.add(rig.db.tether().wrapper("default"));
            rig.db.withConnection("default", connection -> {
                        onWorker.add(rig.db.tether().wrapper("default"));
                        return Thread.currentThread().getName();
                    })
                    .onSuccess(thread -> request.response().end(thread))
                    .onFailure(error -> request.response().setStatusCode(500).end(error.toString()));
        });

        Rig.Response first = rig.get(port, "/");
        rig.get(port, "/");

        assertEquals(200, first.status(), first.body());
        assertTrue(first.body().startsWith("vert.x-worker-thread"), first.body());
        assertSame(onEventLoop.get(0), onWorker.get(0));
        assertSame(onEventLoop.get(1), onWorker.get(1));
        assertNotSame(onEventLoop.get(0), onEventLoop.get(1));
        rig.assertSettled(2);
    }

    @Test
    void concurrentRequestsShareTheCappedConnections() {
        int port = rig.serve(request -> rig.db.withConnection("default", connection -> connection.nativeSQL("SELECT 1"))
                .onComplete(result -> request.response().setStatusCode(result.succeeded() ? 200 : 500).end()));

        List<Future<Rig.Response>> responses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            responses.add(rig.request(port, "/"));
        }

        for (Future<Rig.Response> response : responses) {
            assertEquals(200, Rig.await(response).status());
        }
        rig.assertSettled(200);
        assertTrue(rig.backend.opened() <= 4, "opened " + rig.backend.opened() + " connections, cap 4");
    }

    @Test
    void aHandlerThatThrowsIsAnswered500AndFinishedOnce() {
        int port = rig.serve(request -> {
            throw new IllegalStateException("handler bug");
        });

        Rig.Response response = rig.get(port, "/");

        assertEquals(500, response.status());
        rig.assertSettled(1);
        Rig.awaitTrue(() -> !rig.unhandled.isEmpty(), "the handler's error to reach Vert.x");
        assertEquals("handler bug", rig.unhandled.getFirst().getMessage());
    }

    @Test
    void aBlockStartedByAHandlerThatThenThrowsStillBelongsToItsRequest() {
        CountDownLatch releaseBlock = new CountDownLatch(1);
        int port = rig.serve(request -> {
            rig.db.withConnection("default", connection -> {
                await(releaseBlock);
                return connection.nativeSQL("SELECT 1");
            });
            throw new IllegalStateException("handler bug after starting a query");
        });

        Rig.Response response = rig.get(port, "/");

        assertEquals(500, response.status());
        assertEquals(0, rig.finished.get(), "finished while its block was still queued or running");
        releaseBlock.countDown();
        rig.assertSettled(1); // one unit: the block ran in the request's context, not one of its own
    }

    @Test
    void jdbcOnTheEventLoopFailsClearlyAndTheRequestIsAnswered500() {
        int port = rig.serve(request -> {
            try (Connection connection = rig.db.tether().connection("default")) {
                request.response().end(connection.nativeSQL("SELECT 1"));
            } catch (java.sql.SQLException e) {
                request.response().setStatusCode(503).end();
            }
        });

        Rig.Response response = rig.get(port, "/");

        assertEquals(500, response.status());
        rig.assertSettled(1);
        Rig.awaitTrue(() -> !rig.unhandled.isEmpty(), "the error to reach Vert.x");
        Throwable error = rig.unhandled.getFirst();
        assertTrue(error instanceof TetherException, error.toString());
        assertTrue(error.getMessage().startsWith("[default] JDBC was called on the Vert.x event-loop thread 'vert.x-eventloop-thread-"),
                error.getMessage());
        assertTrue(error.getMessage().contains("use tetherVertx.withConnection(\"default\", connection -> ...)"), error.getMessage());
        assertTrue(error.getMessage().contains("ThreadingModel.WORKER or ThreadingModel.VIRTUAL_THREAD"), error.getMessage());
        assertEquals(0, rig.backend.opened());
    }

    @Test
    void aClientThatDisconnectsFinishesItsRequestOnce() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        int port = rig.serve(request -> arrived.countDown()); // never answers

        try (Socket socket = new Socket("127.0.0.1", port)) {
            send(socket, "GET /hang HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertTrue(arrived.await(20, TimeUnit.SECONDS));
        }

        rig.assertSettled(1);
    }

    @Test
    void aRequestWhoseClientLeftKeepsItsConnectionUntilItsRunningBlockReturns() throws Exception {
        CountDownLatch blockRunning = new CountDownLatch(1);
        CountDownLatch connectionClosed = new CountDownLatch(1);
        CountDownLatch releaseBlock = new CountDownLatch(1);
        List<String> slowBlockUsed = new CopyOnWriteArrayList<>();
        int port = rig.serve(request -> {
            if (request.path().equals("/quick")) {
                rig.db.withConnection("default", connection -> connection.nativeSQL("SELECT 1"))
                        .onComplete(used -> request.response().end(String.valueOf(used.result())));
                return;
            }
            request.connection().closeHandler(ignored -> connectionClosed.countDown());
            rig.db.withConnection("default", connection -> {
                slowBlockUsed.add(connection.nativeSQL("SELECT 1"));
                blockRunning.countDown();
                await(releaseBlock);
                return connection.nativeSQL("SELECT 2");
            }).onComplete(result -> slowBlockUsed.add(String.valueOf(result.result())));
        });

        try (Socket socket = new Socket("127.0.0.1", port)) {
            send(socket, "GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertTrue(blockRunning.await(20, TimeUnit.SECONDS));
        }
        assertTrue(connectionClosed.await(20, TimeUnit.SECONDS));
        String quick = rig.get(port, "/quick").body();
        Rig.awaitTrue(() -> rig.finished.get() >= 1, "/quick to finish");

        assertEquals(1, rig.finished.get(), "only /quick finished while /slow's block still held its connection");
        assertNotEquals(slowBlockUsed.getFirst(), quick, "/slow's connection was handed to /quick while in use");
        releaseBlock.countDown();
        rig.assertSettled(2);
        Rig.awaitTrue(() -> slowBlockUsed.size() == 2, "the slow block's result");
        assertEquals(slowBlockUsed.get(0), slowBlockUsed.get(1), "the slow block kept one connection throughout");
    }

    @Test
    void overHttp2AnsweredAndResetStreamsFinishOnce() {
        CountDownLatch arrived = new CountDownLatch(1);
        int port = rig.serve(request -> {
            if (request.path().equals("/hang")) {
                arrived.countDown(); // never answers: the client resets the stream
                return;
            }
            rig.db.withConnection("default", connection -> connection.nativeSQL("SELECT 1"))
                    .onComplete(used -> request.response().end(request.version() + " " + used.result()));
        });
        HttpClientAgent h2 = rig.vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));

        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(h2.request(HttpMethod.GET, port, "127.0.0.1", "/")
                    .compose(request -> request.send()).compose(response -> response.body()).map(Object::toString));
        }
        HttpClientRequest hanging = Rig.await(h2.request(HttpMethod.GET, port, "127.0.0.1", "/hang"));
        hanging.end();
        await(arrived);
        hanging.reset();

        for (Future<String> answer : answers) {
            assertTrue(Rig.await(answer).startsWith("HTTP_2 connection-"));
        }
        rig.assertSettled(21);
    }

    @Test
    void withConnectionOutsideARequestIsAContextOfItsOwn() {
        String fromTestThread = Rig.await(rig.db.withConnection("default", connection -> connection.nativeSQL("x")));
        Future<String> fromTimer = Future.future(promise -> rig.vertx.setTimer(1, id ->
                rig.db.withConnection("default", connection -> connection.nativeSQL("x")).onComplete(promise)));

        assertTrue(fromTestThread.startsWith("connection-"));
        assertTrue(Rig.await(fromTimer).startsWith("connection-"));
        Rig.awaitTrue(() -> rig.stats().inUse() == 0, "connections to be returned");
        assertEquals(2, rig.finished.get(), "each call is a unit of work");
        assertEquals(1, rig.stats().opened(), "the second call reused the first call's connection");
    }

    private static void send(Socket socket, String text) throws java.io.IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
