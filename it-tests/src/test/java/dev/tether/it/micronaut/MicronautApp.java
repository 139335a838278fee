package dev.tether.it.micronaut;

import dev.tether.api.PoolStats;
import dev.tether.engine.Tether;
import dev.tether.testing.Await;
import dev.tether.testing.SignalRecorder;
import dev.tether.testing.servers.Server;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A Micronaut Netty server on a random port whose alias "default" is {@code database} on {@code server}. */
final class MicronautApp implements AutoCloseable {
    static final String SPEC = "micronaut-it";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    final SignalRecorder signals = new SignalRecorder();
    final ApplicationContext context;
    final EmbeddedServer http;
    final Tether tether;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    MicronautApp(Server server, String database, Map<String, Object> settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spec.name", SPEC);
        properties.put("micronaut.server.port", -1);
        String prefix = "tether.databases.default.";
        properties.put(prefix + "engine", server.engine());
        properties.put(prefix + "host", server.host());
        properties.put(prefix + "port", server.port());
        properties.put(prefix + "name", database);
        properties.put(prefix + "user", server.user());
        properties.put(prefix + "password", server.password());
        // Keys under tether. are application-wide; the rest are the alias's.
        settings.forEach((key, value) -> properties.put(key.startsWith("tether.") ? key : prefix + key, value));
        context = ApplicationContext.builder().properties(properties).singletons(signals).start();
        http = context.getBean(EmbeddedServer.class).start();
        tether = context.getBean(Tether.class);
    }

    HttpResponse<String> get(String path) {
        try {
            return client.send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + path, e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + http.getPort() + path);
    }

    int port() {
        return http.getPort();
    }

    PoolStats stats() {
        return tether.stats("default");
    }

    /** Waits until {@code requests} requests have finished and no connection is in use. */
    void awaitQuiet(int requests) {
        await(requests + " requests finished and no connection in use",
                () -> signals.requestsFinished() == requests && stats().inUse() == 0);
    }

    void await(String what, BooleanSupplier condition) {
        Await.until(what, TIMEOUT, condition, () -> signals + ", " + stats());
    }

    @Override
    public void close() {
        context.close();
    }
}
