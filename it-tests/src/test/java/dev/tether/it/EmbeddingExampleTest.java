package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.api.UnitOfWork;
import dev.tether.engine.Tether;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import dev.tether.testing.servers.Servers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The README's "Embed the engine" example, run against a real PostgreSQL. */
class EmbeddingExampleTest {

    @Test
    void readmeExampleKeepsOneConnectionAcrossRequests() throws SQLException {
        Server server = Servers.postgres();
        // url: "postgresql://app@localhost:5432/app?conn_max_age=60&health_checks=true"
        String url = "postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + server.database()
                + "?conn_max_age=60&health_checks=true";
        Set<Long> sessions = new HashSet<>();

        try (Tether tether = Tether.builder()
                .databaseUrl("default", url)
                .checkOnStart(true)   // opens and checks one connection now: a database that is down fails here, explained
                .build()) {
            for (int i = 0; i < 10; i++) {
                // Once per request, job or message: the unit of work sends "request started" and "request finished".
                try (UnitOfWork request = tether.begin();
                     Connection connection = tether.connection("default");   // close() releases, the connection persists
                     PreparedStatement statement = connection.prepareStatement("select pg_backend_pid()");
                     ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    sessions.add(rows.getLong(1));
                }
            }
            assertEquals(1, tether.stats("default").opened());
        }
        assertEquals(1, sessions.size());
        try (ServerAdmin admin = new ServerAdmin(server)) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (admin.sessionIds(server.database()).stream().anyMatch(sessions::contains) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(0, admin.sessionIds(server.database()).stream().filter(sessions::contains).count(),
                    "closing Tether closed its connection on the server");
        }
    }
}
