package dev.tether.it.vertx;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tether.api.PoolStats;
import dev.tether.testing.Await;
import dev.tether.testing.SignalRecorder;
import dev.tether.testing.servers.Server;
import dev.tether.vertx.TetherRouteHandler;
import dev.tether.vertx.TetherVertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.LoggerHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A Vert.x application over a real database, configured from JSON with a cap of {@value #CAP}, and a
 * separate Vert.x instance whose HTTP client can hold 2,000 requests in flight at once.
 */
final class VertxApp implements AutoCloseable {
    static final int CAP = 8;
    static final Duration WAIT = Duration.ofSeconds(60);

    final Server server;
    final Vertx vertx = Vertx.vertx();
    final TetherVertx db;
    final SignalRecorder signals = new SignalRecorder();
    final List<Throwable> unhandled = new CopyOnWriteArrayList<>();
    final AtomicInteger slowArrived = new AtomicInteger();
    private final Vertx clientSide = Vertx.vertx();
    private final HttpClientAgent client = clientSide.createHttpClient(
            new HttpClientOptions().setDefaultHost("127.0.0.1"), new PoolOptions().setHttp1MaxSize(2_000));

    VertxApp(Server server, String database, boolean healthChecks) {
        this.server = server;
        vertx.exceptionHandler(unhandled::add);
        db = TetherVertx.create(vertx, new JsonObject().put("databases", new JsonObject().put("default", new JsonObject()
                .put("ENGINE", server.engine()).put("NAME", database).put("USER", server.user())
                .put("PASSWORD", server.password()).put("HOST", server.host()).put("PORT", server.port())
                .put("MAX_CONNECTIONS", CAP).put("CONN_MAX_AGE", 60).put("CONN_HEALTH_CHECKS", healthChecks))));
        db.tether().subscribe(signals);
    }

    /** An HTTP server on the event loop; every database call goes through withConnection. Returns its port. */
    int serveOnEventLoop() {
        return await(vertx.createHttpServer(new HttpServerOptions().setAcceptBacklog(4_096))
                .requestHandler(db.handler(this::route))
                .listen(0, "127.0.0.1")).actualPort();
    }

    private void route(HttpServerRequest request) {
        switch (request.path()) {
            case "/query" -> answer(request, db.withConnection("default", this::selectOne));
            case "/slow" -> {
                slowArrived.incrementAndGet();
                answer(request, db.withConnection("default", c -> query(c, sleepSql())));
            }
            case "/fail" -> {
                db.withConnection("default", this::selectOne);
                throw new IllegalStateException("the handler failed after starting its query");
            }
            case "/event-loop-jdbc" -> {
                try (Connection connection = db.tether().connection("default")) {
                    request.response().end(String.valueOf(selectOne(connection)));
                } catch (SQLException e) {
                    request.response().setStatusCode(503).end();
                }
            }
            default -> request.response().setStatusCode(404).end();
        }
    }

    /**
     * A vert.x-web Router bound with {@link TetherRouteHandler}, behind LoggerHandler, BodyHandler and a 60 s
     * TimeoutHandler: {@code /query}, {@code /fail} (a route failing after its query), {@code /tx} (a transaction
     * opened with SQL and left open), {@code /hang} (a partial response that never ends), {@code /never} (no answer: a 500 ms timeout's).
     */
    int serveRouter() {
        Router router = Router.router(vertx);
        TetherRouteHandler tether = TetherRouteHandler.create(db);
        router.route().handler(tether).failureHandler(tether);
        router.route().handler(LoggerHandler.create());
        router.route().handler(BodyHandler.create());
        router.route().handler(TimeoutHandler.create(60_000));
        router.get("/query").handler(routing -> db.withConnection("default", this::selectOne)
                .onSuccess(one -> routing.end(String.valueOf(one))).onFailure(routing::fail));
        router.get("/fail").handler(routing -> db.withConnection("default", this::selectOne)
                .onComplete(ignored -> routing.fail(new IllegalStateException("the route failed after its query"))));
        router.get("/tx").handler(routing -> db.withConnection("default", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("START TRANSACTION"); // left open: the end of the request must roll it back
                return statement.executeUpdate("INSERT INTO marks VALUES (1)");
            }
        }).onSuccess(rows -> routing.end(String.valueOf(rows))).onFailure(routing::fail));
        router.get("/hang").handler(routing -> db.withConnection("default", this::selectOne)
                .onSuccess(ignored -> routing.response().setChunked(true).write("partial")));
        router.get("/never").handler(TimeoutHandler.create(500)).handler(routing -> db.withConnection("default", this::selectOne));
        return await(vertx.createHttpServer(new HttpServerOptions().setAcceptBacklog(4_096)).requestHandler(router)
                .listen(0, "127.0.0.1")).actualPort();
    }

    private static void answer(HttpServerRequest request, Future<?> result) {
        result.onComplete(done -> request.response().setStatusCode(done.succeeded() ? 200 : 500)
                .end(done.succeeded() ? String.valueOf(done.result()) : String.valueOf(done.cause())));
    }

    /** A VIRTUAL_THREAD verticle whose handler calls JDBC directly, deployed {@code instances} times; returns its port. */
    int deployVirtualThreadVerticle(int instances) {
        int port = freePort();
        await(vertx.deployVerticle(() -> new DirectJdbcVerticle(port),
                new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD).setInstances(instances)));
        return port;
    }

    private final class DirectJdbcVerticle extends VerticleBase {
        private final int port;

        DirectJdbcVerticle(int port) {
            this.port = port;
        }

        @Override
        public Future<?> start() {
            Handler<HttpServerRequest> handler = request -> {
                try (Connection connection = db.tether().connection("default")) {
                    request.response().end(String.valueOf(selectOne(connection)));
                } catch (SQLException e) {
                    request.response().setStatusCode(500).end(e.toString());
                }
            };
            return vertx.createHttpServer(new HttpServerOptions().setAcceptBacklog(4_096))
                    .requestHandler(db.handler(handler)).listen(port, "127.0.0.1");
        }
    }

    int selectOne(Connection connection) throws SQLException {
        return query(connection, "SELECT 1");
    }

    private String sleepSql() {
        return server.isPostgres() ? "SELECT 1 FROM pg_sleep(0.3)" : "SELECT 1 FROM (SELECT SLEEP(0.3)) AS s";
    }

    private static int query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The status of a GET, or 0 when the request itself failed. */
    Future<Integer> get(int port, String path) {
        return client.request(HttpMethod.GET, port, "127.0.0.1", path)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .otherwise(0);
    }

    /** Sends {@code count} GETs at once and returns their statuses, {@code progress} counting answers as they come. */
    List<Integer> load(int port, String path, int count, AtomicInteger progress) {
        return fire(port, path, count, progress).stream().map(VertxApp::await).toList();
    }

    /** Sends {@code count} GETs at once, without waiting for them. */
    List<Future<Integer>> fire(int port, String path, int count, AtomicInteger progress) {
        List<Future<Integer>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(get(port, path).onComplete(ignored -> progress.incrementAndGet()));
        }
        return all;
    }

    List<Integer> load(int port, String path, int count) {
        return load(port, path, count, new AtomicInteger());
    }

    PoolStats stats() {
        return db.tether().stats("default");
    }

    /** Waits until {@code requests} requests have finished and no connection is checked out. */
    void awaitSettled(int requests) {
        awaitTrue(() -> signals.requestsFinished() >= requests && stats().inUse() == 0,
                () -> requests + " requests to finish with no connection in use; finished " + signals.requestsFinished() + ", " + stats());
    }

    static void awaitTrue(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        Await.until("the condition", WAIT, condition, what);
    }

    static <T> T await(Future<T> future) {
        try {
            return future.await(WAIT);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + WAIT, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        await(clientSide.close());
        await(db.close());
        await(vertx.close());
    }
}
