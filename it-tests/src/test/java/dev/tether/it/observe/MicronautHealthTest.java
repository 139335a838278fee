package dev.tether.it.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.testing.servers.StoppablePostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tether's Micronaut health indicator, read from a real /health endpoint, follows a PostgreSQL the test stops and starts. */
class MicronautHealthTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "never-shown-in-health"; // the embedded server trusts local users

    @TempDir
    Path data;

    @Test
    void healthGoesDownWhenTheDatabaseStopsAndUpWhenItIsBack() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try (StoppablePostgres pg = StoppablePostgres.start(data);
             ApplicationContext context = ApplicationContext.builder().properties(Map.ofEntries(
                     Map.entry("micronaut.server.port", -1),
                     Map.entry("endpoints.health.details-visible", "ANONYMOUS"),
                     Map.entry("endpoints.health.tether.timeout", "2s"),
                     Map.entry("tether.databases.default.engine", "postgresql"),
                     Map.entry("tether.databases.default.host", "localhost"),
                     Map.entry("tether.databases.default.port", pg.port()),
                     Map.entry("tether.databases.default.name", "postgres"),
                     Map.entry("tether.databases.default.user", "postgres"),
                     Map.entry("tether.databases.default.password", PASSWORD),
                     Map.entry("tether.databases.default.conn-max-age", 60),
                     Map.entry("tether.databases.default.conn-health-checks", true),
                     Map.entry("tether.databases.default.connect-timeout", "1s"))).start()) {
            URI health = URI.create("http://127.0.0.1:" + context.getBean(EmbeddedServer.class).start().getPort() + "/health");
            JsonObject up = awaitStatus(client, health, "UP");
            JsonObject details = up.getJsonObject("details").getJsonObject("tether-default").getJsonObject("details");
            assertTrue(details.getInteger("cap") > 0, "the pool's figures are the details: " + details);
            assertEquals(1, details.getInteger("reservoir"), "the ping's connection went back: " + details);
            pg.stop();
            long stopped = System.nanoTime();
            JsonObject down = awaitStatus(client, health, "DOWN");
            assertTrue(Duration.ofNanos(System.nanoTime() - stopped).toSeconds() < 10, "DOWN within a few seconds");
            assertTrue(down.getJsonObject("details").getJsonObject("tether-default").getJsonObject("details")
                    .containsKey("error"), down.encode());
            assertFalse(down.encode().contains(PASSWORD) || down.encode().contains("jdbc:"), down.encode());
            pg.restart();
            awaitStatus(client, health, "UP");
        }
    }

    /** Polls /health until its status is {@code status} (HTTP 200 for UP, 503 for DOWN) and returns the body. */
    private static JsonObject awaitStatus(HttpClient client, URI health, String status) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonObject body = new JsonObject(response.body());
            if (body.getString("status").equals(status)) {
                assertEquals(status.equals("UP") ? 200 : 503, response.statusCode(), response.body());
                assertEquals(status, body.getJsonObject("details").getJsonObject("tether-default").getString("status"),
                        response.body());
                return body;
            }
            assertTrue(System.nanoTime() - deadline < 0, "still not " + status + ": " + response.body());
            Thread.sleep(100);
        }
    }
}
