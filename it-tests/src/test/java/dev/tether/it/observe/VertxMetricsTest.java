package dev.tether.it.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.testing.Await;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import dev.tether.testing.servers.Servers;
import dev.tether.micrometer.TetherMetrics;
import dev.tether.vertx.TetherVertx;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A real Vert.x app under load on PostgreSQL, with Vert.x's metrics on a real Micrometer registry: Tether binds itself. */
class VertxMetricsTest {
    private static final int CAP = 3;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void metricsFollowTheConventionsMatchTheServerAndCountTimeouts() throws Exception {
        Server base = Servers.postgres();
        Server server = ServerAdmin.ownDatabase(base, "metrics_vertx");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Vertx vertx = withMetrics(registry);
        TetherVertx db = TetherVertx.create(vertx, new JsonObject().put("databases", new JsonObject().put("default",
                new JsonObject().put("ENGINE", server.engine()).put("NAME", server.database()).put("USER", server.user())
                        .put("PASSWORD", server.password()).put("HOST", server.host()).put("PORT", server.port())
                        .put("MAX_CONNECTIONS", CAP).put("CONN_MAX_AGE", 60).put("ACQUIRE_TIMEOUT", "1s"))));
        Vertx clientSide = Vertx.vertx();
        HttpClientAgent client = clientSide.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1"),
                new PoolOptions().setHttp1MaxSize(100));
        try {
            int port = vertx.createHttpServer().requestHandler(db.handler(request -> route(db, request)))
                    .listen(0, "127.0.0.1").await(WAIT).actualPort();
            for (int batch = 0; batch < 70; batch++) { // no more at once than the cap: none of these waits long
                List<Integer> statuses = load(client, port, "/query", CAP);
                assertTrue(statuses.stream().allMatch(status -> status == 200), statuses + " " + db.tether().stats("default"));
            }
            List<Integer> slow = load(client, port, "/slow", 4 * CAP);
            long failed = slow.stream().filter(status -> status == 500).count();
            assertTrue(failed > 0, "at the cap, with requests holding 2 s and a 1 s timeout, some time out: " + slow);
            assertTrue(slow.stream().allMatch(status -> status == 200 || status == 500), slow.toString());
            awaitQuiet(db);

            assertEquals(failed, registry.find("db.client.connection.timeouts").tag(MeterAssertions.POOL, "default")
                    .counter().count(), "one timeout counted per failed request");
            MeterAssertions.conventionsHold(registry, CAP);
            MeterAssertions.countsMatchTheServer(registry, base, server.database(), db.tether().stats("default"));
            assertTrue(MeterAssertions.timer(registry, "db.client.connection.wait_time").count() >= 200);
            db.close().await(WAIT);
            assertTrue(registry.find("db.client.connection.count").meters().isEmpty(), "closing Tether removed its meters");
        } finally {
            clientSide.close().await(WAIT);
            db.close().await(WAIT);
            vertx.close().await(WAIT);
        }
    }

    @Test
    void withoutVertxMetricsNothingIsBoundUnlessTheAppBindsIt() throws Exception {
        Server server = Servers.postgres();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // Another Vert.x of the JVM has metrics on, so the default registry exists; this one has them off.
        Vertx measured = withMetrics(registry);
        Vertx plain = Vertx.vertx();
        TetherVertx db = TetherVertx.create(plain, new JsonObject().put("databases", new JsonObject().put("default",
                new JsonObject().put("ENGINE", server.engine()).put("NAME", server.database()).put("USER", server.user())
                        .put("PASSWORD", server.password()).put("HOST", server.host()).put("PORT", server.port()))));
        try {
            assertEquals(registry, BackendRegistries.getDefaultNow());
            assertTrue(registry.find("db.client.connection.max").meters().isEmpty(), registry.getMetersAsString());
            try (TetherMetrics metrics = TetherMetrics.bind(db.tether(), registry)) {
                assertEquals(db.tether().stats("default").cap(), MeterAssertions.gauge(registry, "db.client.connection.max"));
            }
            assertTrue(registry.find("db.client.connection.max").meters().isEmpty(), "closing the binding removed its meters");
        } finally {
            db.close().await(WAIT);
            plain.close().await(WAIT);
            measured.close().await(WAIT);
        }
    }

    /** A Vert.x with its metrics on, in {@code registry}: the application's whole set-up, no call to Tether. */
    private static Vertx withMetrics(SimpleMeterRegistry registry) {
        return Vertx.builder().with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry)).build();
    }

    private static void route(TetherVertx db, HttpServerRequest request) {
        String sql = request.path().equals("/slow") ? "SELECT 1 FROM pg_sleep(2)" : "SELECT 1";
        db.withConnection("default", c -> {
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
                rows.next();
                return rows.getInt(1);
            }
        }).onComplete(done -> request.response().setStatusCode(done.succeeded() ? 200 : 500)
                .end(done.succeeded() ? "" : String.valueOf(done.cause())));
    }

    private static List<Integer> load(HttpClientAgent client, int port, String path, int count) throws Exception {
        List<Future<Integer>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(client.request(HttpMethod.GET, port, "127.0.0.1", path).compose(r -> r.send())
                    .compose(response -> response.body().map(body -> response.statusCode())).otherwise(0));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : all) {
            statuses.add(f.await(WAIT));
        }
        return statuses;
    }

    private static void awaitQuiet(TetherVertx db) {
        Await.until("no connection in use and nobody waiting",
                () -> db.tether().stats("default").inUse() == 0 && db.tether().stats("default").waiting() == 0,
                () -> db.tether().stats("default"));
    }
}
