package dev.tether.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.ConfigurationException;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.engine.Tether;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonConfigurationTest {
    private final Vertx vertx = Vertx.vertx();
    private final FakeBackend backend = new FakeBackend();

    @AfterEach
    void closeVertx() {
        vertx.close().await();
    }

    private TetherVertx create(JsonObject config) {
        return TetherVertx.create(vertx, TetherVertx.configure(Tether.builder().backend(backend), config));
    }

    @Test
    void readsDjangoKeysInAnySpellingAndDefaultsToContextPersistence() {
        TetherVertx db = create(new JsonObject("""
                {"databases": {"default": {"engine": "fake", "NAME": "app", "conn_max_age": 60,
                  "Max-Connections": 3, "OPTIONS": {"sslmode": "disable"}, "health_checks": true}},
                 "http": {"port": 8080}}"""));

        DatabaseSettings settings = db.tether().settings("default");
        assertEquals(Duration.ofSeconds(60), settings.maxAge());
        assertEquals(3, settings.maxConnections());
        assertEquals(Map.of("sslmode", "disable"), settings.options());
        assertTrue(settings.healthChecks());
        assertEquals(Persistence.CONTEXT, settings.persistence());
        db.close().await();
    }

    @Test
    void anAliasMayBeGivenAsADatabaseUrl() {
        TetherVertx db = create(new JsonObject().put("databases",
                new JsonObject().put("reports", "fake://reader:secret@db.internal:6543/reports?conn_max_age=5")));

        DatabaseSettings settings = db.tether().settings("reports");
        assertEquals("db.internal", settings.host());
        assertEquals(Duration.ofSeconds(5), settings.maxAge());
        assertEquals(Persistence.CONTEXT, settings.persistence());
        db.close().await();
    }

    @Test
    void threadPersistenceIsRefusedWithTheFix() {
        ConfigurationException byKey = assertThrows(ConfigurationException.class, () -> create(new JsonObject(
                "{\"databases\": {\"default\": {\"ENGINE\": \"fake\", \"NAME\": \"app\", \"persistence\": \"thread\"}}}")));
        ConfigurationException byUrl = assertThrows(ConfigurationException.class, () -> create(new JsonObject(
                "{\"databases\": {\"main\": \"fake://db/app?persistence=thread\"}}")));

        // The engine's refusal, the same in every adapter whose contexts are not threads.
        assertTrue(byKey.getMessage().startsWith("Database 'default': PERSISTENCE is 'thread'"), byKey.getMessage());
        assertTrue(byKey.getMessage().contains("set PERSISTENCE to 'context'"), byKey.getMessage());
        assertTrue(byUrl.getMessage().startsWith("Database 'main': PERSISTENCE is 'thread'"), byUrl.getMessage());
    }

    @Test
    void aBuilderWithThreadPersistenceIsRefused() {
        Tether.Builder builder = Tether.builder().backend(backend)
                .database(DatabaseSettings.builder("default").engine("fake").name("app").build());

        ConfigurationException error = assertThrows(ConfigurationException.class, () -> TetherVertx.create(vertx, builder));

        assertTrue(error.getMessage().startsWith("Database 'default': PERSISTENCE is 'thread'"), error.getMessage());
        assertTrue(error.getMessage().contains("VertxContextStorage"), error.getMessage());
    }

    @Test
    void missingDatabasesSaysWhatToWrite() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> create(new JsonObject().put("http", new JsonObject())));

        assertTrue(error.getMessage().contains("no 'databases' entry"), error.getMessage());
        assertTrue(error.getMessage().contains("{\"databases\": {\"default\": {\"ENGINE\""), error.getMessage());
    }

    @Test
    void settingsThatAreNotAnObjectNameTheAlias() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> create(new JsonObject("{\"databases\": {\"default\": 42}}")));

        assertTrue(error.getMessage().startsWith("Database 'default': its settings must be a JSON object"),
                error.getMessage());
    }

    @Test
    void deployingWithAMisspeltKeyFailsNamingAliasKeyAndFix() throws Exception {
        JsonObject config = new JsonObject(
                "{\"databases\": {\"default\": {\"ENGINE\": \"fake\", \"NAME\": \"app\", \"CONN_MAX_AEG\": 60}}}");

        Future<String> deployment = vertx.deployVerticle(new VerticleBase() {
            @Override
            public Future<?> start() {
                TetherVertx.create(vertx, TetherVertx.configure(Tether.builder().backend(backend), config()));
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setConfig(config));

        Throwable failure = deployment.toCompletionStage().toCompletableFuture()
                .handle((id, error) -> error).get(10, TimeUnit.SECONDS);
        assertInstanceOf(ConfigurationException.class, failure);
        assertTrue(failure.getMessage().startsWith("Database 'default': unknown setting 'CONN_MAX_AEG'; "
                + "did you mean CONN_MAX_AGE?"), failure.getMessage());
    }
}
