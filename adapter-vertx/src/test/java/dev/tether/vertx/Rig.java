package dev.tether.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.api.PoolStats;
import dev.tether.api.TetherListener;
import dev.tether.engine.Tether;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** A Vert.x instance, Tether over {@link FakeBackend} with a cap of 4, an HTTP client, and signal counts. */
final class Rig implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final Vertx vertx = Vertx.vertx();
    final FakeBackend backend = new FakeBackend();
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();
    final List<Throwable> unhandled = new CopyOnWriteArrayList<>();
    final TetherVertx db;
    final HttpClientAgent client = vertx.createHttpClient();

    record Response(int status, String body) {
    }

    Rig() {
        vertx.exceptionHandler(unhandled::add);
        db = TetherVertx.create(vertx, Tether.builder().backend(backend)
                .database(DatabaseSettings.builder("default").engine("fake").name("app")
                        .persistence(Persistence.CONTEXT).maxConnections(4).maxAge(Duration.ofSeconds(60)).build())
                .listener(new TetherListener() {
                    @Override
                    public void requestStarted() {
                        started.incrementAndGet();
                    }

                    @Override
                    public void requestFinished() {
                        finished.incrementAndGet();
                    }
                }));
    }

    /** An HTTP server on a random port, its handler wrapped by the adapter; returns the port. */
    int serve(Handler<HttpServerRequest> handler) {
        HttpServer server = vertx.createHttpServer().requestHandler(db.handler(handler));
        return await(server.listen(0, "127.0.0.1")).actualPort();
    }

    /** An HTTP server on a random port whose requests go straight to {@code router}; returns the port. */
    int serve(Router router) {
        return await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")).actualPort();
    }

    Future<Response> request(int port, String path) {
        return client.request(HttpMethod.GET, port, "127.0.0.1", path)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Response(response.statusCode(), body.toString())));
    }

    Response get(int port, String path) {
        return await(request(port, path));
    }

    PoolStats stats() {
        return db.tether().stats("default");
    }

    /** Every request finished and nothing stays checked out. */
    void assertSettled(int requests) {
        awaitTrue(() -> finished.get() >= requests && stats().inUse() == 0, "requests to finish");
        assertEquals(requests, started.get(), "started");
        assertEquals(requests, finished.get(), "finished");
        assertEquals(0, stats().inUse(), "connections in use");
    }

    static <T> T await(Future<T> future) {
        try {
            return future.await(WAIT);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + WAIT, e);
        }
    }

    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting for " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    @Override
    public void close() {
        await(db.close());
        await(vertx.close());
    }
}
