package dev.tether.it.observe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.vertx.TetherHealth;
import dev.tether.vertx.TetherVertx;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import dev.tether.testing.servers.StoppablePostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tether's Vert.x health check follows a PostgreSQL the test starts, stops and starts again. */
class VertxHealthTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path data;

    @Test
    void healthGoesDownWhenTheDatabaseStopsAndUpWhenItIsBack() throws Exception {
        StoppablePostgres pg = StoppablePostgres.start(data);
        Vertx vertx = Vertx.vertx();
        TetherVertx db = TetherVertx.create(vertx, new JsonObject().put("databases", new JsonObject().put("default",
                new JsonObject().put("ENGINE", "postgresql").put("NAME", "postgres").put("USER", "postgres")
                        .put("HOST", "localhost").put("PORT", pg.port()).put("CONN_MAX_AGE", 60)
                        .put("CONN_HEALTH_CHECKS", true).put("CONNECT_TIMEOUT", "1s"))));
        HealthChecks checks = TetherHealth.register(HealthChecks.create(vertx), db, Duration.ofSeconds(2));
        try {
            awaitUp(checks, true);
            CheckResult up = checks.checkStatus("tether-default").await(WAIT);
            assertTrue(up.getData().containsKey("cap"), "the pool's figures are the details: " + up.getData());
            pg.stop();
            long stopped = System.nanoTime();
            awaitUp(checks, false);
            assertTrue(Duration.ofNanos(System.nanoTime() - stopped).toSeconds() < 10, "DOWN within a few seconds");
            pg.restart();
            awaitUp(checks, true);
        } finally {
            db.close().await(WAIT);
            vertx.close().await(WAIT);
            pg.close();
        }
    }

    private static void awaitUp(HealthChecks checks, boolean up) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            CheckResult result = checks.checkStatus("tether-default").await(WAIT);
            if (result.getUp() == up) {
                return;
            }
            assertTrue(System.nanoTime() - deadline < 0, "still " + (up ? "DOWN" : "UP") + ": " + result.toJson());
            Thread.sleep(100);
        }
    }
}
