package dev.tether.it.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.engine.Tether;
import dev.tether.testing.Await;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import dev.tether.testing.servers.Servers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A real Micronaut app under load on PostgreSQL: Tether binds itself to the app's MeterRegistry bean. */
class MicronautMetricsTest {
    static final String SPEC = "observe-metrics";
    private static final int CAP = 3;

    @Test
    void theAppsRegistryGetsTheConventionsMatchingTheServerAndCountingTimeouts() throws Exception {
        Server base = Servers.postgres();
        Server server = ServerAdmin.ownDatabase(base, "metrics_micronaut");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spec.name", SPEC);
        properties.put("micronaut.server.port", -1);
        String prefix = "tether.databases.default.";
        properties.put(prefix + "engine", server.engine());
        properties.put(prefix + "host", server.host());
        properties.put(prefix + "port", server.port());
        properties.put(prefix + "name", server.database());
        properties.put(prefix + "user", server.user());
        properties.put(prefix + "password", server.password());
        properties.put(prefix + "max-connections", CAP);
        properties.put(prefix + "conn-max-age", 60);
        properties.put(prefix + "acquire-timeout", "1s");
        properties.put(prefix + "persistence", "context");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HttpClient client = HttpClient.newHttpClient();
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).singletons(registry).start()) {
            EmbeddedServer http = context.getBean(EmbeddedServer.class).start();
            MeterRegistry bound = registry;
            for (int batch = 0; batch < 70; batch++) { // no more at once than the cap: none of these waits long
                List<Integer> statuses = get(client, http.getPort(), "/observe/query", CAP);
                assertTrue(statuses.stream().allMatch(status -> status == 200), statuses.toString());
            }
            List<Integer> slow = get(client, http.getPort(), "/observe/slow", 4 * CAP);
            long failed = slow.stream().filter(status -> status == 503).count(); // the adapter answers database failures 503
            assertTrue(failed > 0, "at the cap, with requests holding 2 s and a 1 s timeout, some time out: " + slow);
            Tether tether = context.getBean(Tether.class);
            Await.until("no connection in use and nobody waiting",
                    () -> tether.stats("default").inUse() == 0 && tether.stats("default").waiting() == 0,
                    () -> tether.stats("default"));
            assertEquals(failed, bound.find("db.client.connection.timeouts").tag(MeterAssertions.POOL, "default")
                    .counter().count(), "one timeout counted per failed request");
            MeterAssertions.conventionsHold(bound, CAP);
            MeterAssertions.countsMatchTheServer(bound, base, server.database(), tether.stats("default"));
            assertTrue(MeterAssertions.timer(bound, "db.client.connection.wait_time").count() >= 210);
        }
        assertTrue(registry.find("db.client.connection.count").meters().isEmpty(), "shutting the app down removed the meters");
    }

    private static List<Integer> get(HttpClient client, int port, String path, int count) {
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        return all.stream().map(f -> f.join().statusCode()).toList();
    }
}
