package dev.tether.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.ConfigurationException;
import dev.tether.api.TetherException;
import dev.tether.engine.Tether;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Verticle instances share one engine per name; the start-up check fails a deployment with the reason. */
class SharedEngineTest {
    private static final JsonObject CONFIG = new JsonObject(
            "{\"databases\": {\"default\": {\"ENGINE\": \"fake\", \"NAME\": \"app\", \"MAX_CONNECTIONS\": 4}}}");

    private final Vertx vertx = Vertx.vertx();
    private final FakeBackend backend = new FakeBackend();
    private final Set<Tether> engines = ConcurrentHashMap.newKeySet();

    @AfterEach
    void closeVertx() {
        vertx.close().await();
    }

    /** The README's verticle shape: one TetherVertx per instance, from config(). */
    private final class App extends VerticleBase {
        private TetherVertx db;

        @Override
        public Future<?> start() {
            return TetherVertx.start(vertx, config(), () -> Tether.builder().backend(backend)).onSuccess(created -> {
                db = created;
                engines.add(created.tether());
            });
        }

        @Override
        public Future<?> stop() {
            return db.close();
        }
    }

    private Future<String> deploy(JsonObject config, int instances) {
        return vertx.deployVerticle(App::new, new DeploymentOptions().setConfig(config).setInstances(instances));
    }

    @Test
    void fourInstancesShareOneEngineUntilTheLastStops() {
        String id = deploy(CONFIG, 4).await();
        assertEquals(1, engines.size(), "one engine for four instances");
        Tether engine = engines.iterator().next();

        vertx.undeploy(id).await();
        String again = deploy(CONFIG, 1).await();

        assertEquals(2, engines.size());
        assertTrue(engines.stream().anyMatch(e -> e != engine), "the last instance closed the first engine; a new one started");
        vertx.undeploy(again).await();
    }

    @Test
    void anotherPoolNameIsAnotherEngine() {
        deploy(CONFIG, 1).await();
        deploy(CONFIG.copy().put("poolName", "reports"), 1).await();

        assertEquals(2, engines.size());
    }

    @Test
    void otherDatabasesUnderTheSameNameFail() {
        deploy(CONFIG, 1).await();
        JsonObject other = new JsonObject("{\"databases\": {\"default\": {\"ENGINE\": \"fake\", \"NAME\": \"other\"}}}");

        Throwable failure = failure(deploy(other, 1));

        assertInstanceOf(ConfigurationException.class, failure);
        assertTrue(failure.getMessage().contains("A Tether named 'default' already runs"), failure.getMessage());
    }

    @Test
    void aStoppedDatabaseFailsTheDeploymentWhenCheckedOnStart() {
        backend.refuse = true;

        Throwable failure = failure(deploy(CONFIG.copy().put("checkOnStart", true), 2));

        assertInstanceOf(TetherException.class, failure);
        assertTrue(failure.getMessage().startsWith("Database 'default' failed its start-up check: [default] cannot connect"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("Connection refused"), failure.getMessage());
    }

    @Test
    void withoutTheCheckAStoppedDatabaseIsNoticedOnlyByRequests() {
        backend.refuse = true;

        deploy(CONFIG, 1).await();

        assertEquals(0, backend.opened.get());
    }

    @Test
    void theCheckOnTheEventLoopSaysToUseStart() {
        Throwable failure = failure(vertx.deployVerticle(new VerticleBase() {
            @Override
            public Future<?> start() {
                TetherVertx.create(vertx, config(), () -> Tether.builder().backend(backend));
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setConfig(CONFIG.copy().put("checkOnStart", true))));

        assertInstanceOf(ConfigurationException.class, failure);
        assertTrue(failure.getMessage().contains("TetherVertx.start(vertx, config())"), failure.getMessage());
    }

    @Test
    void aCheckedEngineKeepsItsConnectionForTheFirstRequest() throws Exception {
        JsonObject config = new JsonObject("{\"checkOnStart\": true, \"databases\": {\"default\": "
                + "{\"ENGINE\": \"fake\", \"NAME\": \"app\", \"CONN_MAX_AGE\": \"unlimited\"}}}");
        TetherVertx db = TetherVertx.start(vertx, config, () -> Tether.builder().backend(backend)).await();

        String used = vertx.executeBlocking(() -> db.tether().inContext(() -> {
            try (var c = db.tether().connection("default")) {
                return c.nativeSQL("SELECT 1");
            }
        })).await();

        assertEquals("connection-1", used);
        assertEquals(1, backend.opened.get());
        db.close().await();
    }

    @Test
    void closingOneHandleTwiceReleasesItOnce() throws Exception {
        TetherVertx first = TetherVertx.create(vertx, CONFIG, () -> Tether.builder().backend(backend));
        TetherVertx second = TetherVertx.create(vertx, CONFIG, () -> Tether.builder().backend(backend));
        assertNotSame(first, second);

        first.close().await();
        first.close().await();

        String used = second.tether().inContext(() -> {
            try (var c = second.tether().connection("default")) {
                return c.nativeSQL("SELECT 1");
            }
        });
        assertEquals("connection-1", used, "the engine still serves the other handle");
        second.close().await();
    }

    private static Throwable failure(Future<?> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().handle((ok, error) -> error).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBadPoolNameIsRefused() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> TetherVertx.create(vertx, CONFIG.copy().put("poolName", 7)));
        assertTrue(error.getMessage().contains("'poolName' is 7"), error.getMessage());
    }
}
