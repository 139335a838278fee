package dev.tether.it.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import dev.tether.testing.servers.ServerPeak;
import dev.tether.testing.servers.Servers;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Use with Vert.x" example, deployed as four instances against a real PostgreSQL. */
class VertxReadmeExampleTest {
    private static final String DATABASE = "tether_it_vertx_readme";

    @Test
    void readmeExampleDeployedFourTimesServesRequestsWithinOneCap() throws Exception {
        Server base = Servers.postgres();
        Server server = base.withDatabase(DATABASE);
        try (ServerAdmin admin = new ServerAdmin(base)) {
            admin.createDatabase(DATABASE);
        }
        try (Connection setup = server.connect(); Statement statement = setup.createStatement()) {
            statement.execute("create table orders (id int primary key)");
            statement.execute("insert into orders values (1), (2), (3)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JsonObject config = new JsonObject().put("port", port).put("databases", new JsonObject().put("default",
                new JsonObject().put("ENGINE", "postgresql").put("NAME", DATABASE).put("USER", server.user())
                        .put("PASSWORD", server.password()).put("HOST", server.host()).put("PORT", server.port())
                        .put("CONN_MAX_AGE", 60).put("MAX_CONNECTIONS", 4)));

        Vertx vertx = Vertx.vertx();
        try {
            VertxApp.await(vertx.deployVerticle(App::new, new DeploymentOptions().setConfig(config).setInstances(4)));
            HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(400));
            int peak;
            try (ServerPeak sessions = ServerPeak.watch(base, DATABASE)) {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    answers.add(client.request(HttpMethod.GET, port, "127.0.0.1", "/orders")
                            .compose(request -> request.send())
                            .compose(response -> response.body().map(body -> response.statusCode() + " " + body)));
                }
                for (Future<String> answer : answers) {
                    assertEquals("200 3", VertxApp.await(answer));
                }
                peak = sessions.peak();
            }
            assertTrue(peak >= 1 && peak <= 4, "four instances peaked at " + peak + " server sessions, cap 4");

            try (Connection setup = server.connect(); Statement statement = setup.createStatement()) {
                statement.execute("drop table orders");
            }
            String failed = VertxApp.await(client.request(HttpMethod.GET, port, "127.0.0.1", "/orders")
                    .compose(request -> request.send())
                    .compose(response -> response.body().map(body -> response.statusCode() + " " + body)));
            assertEquals("503 database unavailable", failed, "the error's details stay in the log");
        } finally {
            VertxApp.await(vertx.close());
        }
        try (ServerAdmin admin = new ServerAdmin(base)) {
            assertEquals(0, admin.awaitConnectionsTo(DATABASE, 0, java.time.Duration.ofSeconds(10)),
                    "undeploying closed the connections");
        }
    }
}
