package dev.tether.it.micronaut;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.engine.Tether;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import dev.tether.testing.servers.Servers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's "Use with Micronaut": its application.yml, controller and job, against a real PostgreSQL. */
class MicronautReadmeExampleTest {
    private static final String DATABASE = "tether_it_micronaut_readme";

    @Test
    void readmeControllerAndJobRunOnOnePersistentConnection() throws Exception {
        Server server = Servers.postgres();
        try (ServerAdmin admin = new ServerAdmin(server)) {
            admin.createDatabase(DATABASE);
            // The README's application.yml, pointed at the test server.
            Map<String, Object> testServer = Map.of("spec.name", "micronaut-readme", "micronaut.server.port", -1,
                    "tether.databases.default.host", server.host(), "tether.databases.default.port", server.port(),
                    "tether.databases.default.name", DATABASE, "tether.databases.default.user", server.user(),
                    "tether.databases.default.password", server.password());
            try (ApplicationContext context = ApplicationContext.builder().overrideConfigLocations("classpath:micronaut/readme/")
                    .properties(testServer).start()) {
                EmbeddedServer http = context.getBean(EmbeddedServer.class).start();
                HttpClient client = HttpClient.newHttpClient();
                for (String name : new String[]{"Ada", "Grace", "Edsger"}) {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + http.getPort() + "/greetings/" + name)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals("Hello, " + name + "!", response.body());
                }
                assertEquals(42, context.getBean(NightlyReport.class).run());

                Tether tether = context.getBean(Tether.class);
                assertEquals(8, tether.settings("default").maxConnections(), "the README's application.yml was read");
                assertEquals(1, tether.stats("default").opened(), "three requests and a job shared one connection");
                assertEquals(1, admin.connectionsTo(DATABASE));
            }
            assertEquals(0, admin.awaitConnectionsTo(DATABASE, 0, Duration.ofSeconds(10)), "shutdown closed it");
            admin.dropDatabase(DATABASE);
        }
    }
}
