package dev.tether.testing.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server fixture itself: both servers answer, and the server-side views and faults are real. */
class ServersTest {

    private static final Duration AWAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {Server.POSTGRESQL, Server.MYSQL})
    void serverResolvesAndAnswers(String engine) throws Exception {
        var server = Servers.of(engine);
        assertEquals(engine, server.engine());
        assertEquals(server, Servers.of(engine), "resolved once per JVM");
        try (var c = server.connect()) {
            assertEquals(1, selectOne(c));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Server.POSTGRESQL, Server.MYSQL})
    void countsTheConnectionsToADatabase(String engine) throws Exception {
        try (var admin = new ServerAdmin(Servers.of(engine))) {
            var db = "tether_it_count";
            admin.createDatabase(db);
            assertEquals(0, admin.connectionsTo(db));

            var c = admin.server().withDatabase(db).connect();
            var id = ServerAdmin.currentSessionId(c);
            assertEquals(1, admin.awaitConnectionsTo(db, 1, AWAIT));
            assertEquals(List.of(id), admin.sessionIds(db));

            c.close();
            assertEquals(0, admin.awaitConnectionsTo(db, 0, AWAIT));
            admin.dropDatabase(db);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Server.POSTGRESQL, Server.MYSQL})
    void terminateKillsTheSession(String engine) throws Exception {
        try (var admin = new ServerAdmin(Servers.of(engine))) {
            var db = "tether_it_kill";
            admin.createDatabase(db);
            try (var victim = admin.server().withDatabase(db).connect();
                    var bystander = admin.server().withDatabase(db).connect()) {
                admin.terminate(ServerAdmin.currentSessionId(victim));

                assertThrows(SQLException.class, () -> selectOne(victim));
                assertEquals(1, selectOne(bystander));
                assertEquals(1, admin.connectionsTo(db));
                assertEquals(1, admin.terminateAll(db));
                assertThrows(SQLException.class, () -> selectOne(bystander));
                assertEquals(0, admin.connectionsTo(db));
            }
            admin.dropDatabase(db);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Server.POSTGRESQL, Server.MYSQL})
    void idleTimeoutStatementMakesTheServerDropAnIdleSession(String engine) throws Exception {
        try (var admin = new ServerAdmin(Servers.of(engine))) {
            var db = "tether_it_idle";
            admin.createDatabase(db);
            try (var c = admin.server().withDatabase(db).connect(); var s = c.createStatement()) {
                s.execute(ServerAdmin.idleTimeoutStatement(engine, Duration.ofSeconds(1)));
                assertEquals(1, selectOne(c), "still alive while in use");

                assertEquals(0, admin.awaitConnectionsTo(db, 0, AWAIT), "the server dropped the idle session");
                assertThrows(SQLException.class, () -> selectOne(c));
            }
            admin.dropDatabase(db);
        }
    }

    @Test
    void idleTimeoutStatements() {
        assertEquals("SET idle_session_timeout = 1500",
                ServerAdmin.idleTimeoutStatement(Server.POSTGRESQL, Duration.ofMillis(1500)));
        assertEquals("SET SESSION wait_timeout = 2",
                ServerAdmin.idleTimeoutStatement(Server.MYSQL, Duration.ofMillis(1500)));
        assertEquals("SET SESSION wait_timeout = 1", ServerAdmin.idleTimeoutStatement(Server.MYSQL, Duration.ZERO));
    }

    @Test
    void parsesServerUrlsAndNeverShowsThePassword() {
        var pg = Servers.parseUrl(Server.POSTGRESQL, "postgresql://app:s3cret@db.example:6543/orders", "TETHER_PG_URL");
        assertEquals(new Server(Server.POSTGRESQL, "db.example", 6543, "orders", "app", "s3cret", "TETHER_PG_URL"), pg);
        assertEquals("jdbc:postgresql://db.example:6543/orders", pg.jdbcUrl());
        assertFalse(pg.toString().contains("s3cret"), pg.toString());

        var my = Servers.parseUrl(Server.MYSQL, "mariadb://root@127.0.0.1/test", "TETHER_MYSQL_URL");
        assertEquals(new Server(Server.MYSQL, "127.0.0.1", 3306, "test", "root", "", "TETHER_MYSQL_URL"), my);
        assertEquals("jdbc:mysql://127.0.0.1:3306/test", my.jdbcUrl());

        var wrong = assertThrows(IllegalArgumentException.class,
                () -> Servers.parseUrl(Server.POSTGRESQL, "mysql://u:s3cret@h/db", "TETHER_PG_URL"));
        assertTrue(!wrong.getMessage().contains("s3cret"), wrong.getMessage());
    }

    private static int selectOne(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
