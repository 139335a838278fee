package dev.tether.micronaut;

import dev.tether.testing.Await;
import dev.tether.testing.SignalRecorder;
import dev.tether.testing.fake.TestBackend;
import dev.tether.engine.Tether;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Micronaut application on a random port over {@link TestBackend}, with its signals counted. */
final class TestApp implements AutoCloseable {
    final TestBackend backend = new TestBackend();
    final SignalRecorder signals = new SignalRecorder();
    final ApplicationContext context;
    final EmbeddedServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    TestApp(String spec, Map<String, Object> extraProperties) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spec.name", spec);
        properties.put("micronaut.server.port", -1);
        properties.put("tether.databases.default.engine", "test");
        properties.put("tether.databases.default.name", "app");
        properties.put("tether.databases.default.conn-max-age", "unlimited");
        properties.put("tether.databases.default.persistence", "context");
        properties.putAll(extraProperties);
        context = ApplicationContext.builder().properties(properties).singletons(backend, signals).start();
        server = context.getBean(EmbeddedServer.class).start();
    }

    Tether tether() {
        return context.getBean(Tether.class);
    }

    HttpResponse<String> get(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + path, e);
        }
    }

    int port() {
        return server.getPort();
    }

    /** Waits until every started request has finished and no connection is in use. */
    void awaitQuiet(int requests) {
        Await.until(requests + " requests finished and no connection in use",
                () -> signals.requestsFinished() == requests && tether().stats("default").inUse() == 0,
                () -> signals + ", " + tether().stats("default"));
    }

    @Override
    public void close() {
        context.close();
    }
}
