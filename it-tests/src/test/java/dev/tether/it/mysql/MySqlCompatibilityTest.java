package dev.tether.it.mysql;

import dev.tether.api.DatabaseSettings;
import dev.tether.it.kit.BackendCompatibilityKit;
import dev.tether.it.servers.Server;
import dev.tether.it.servers.ServerAdmin;
import dev.tether.it.servers.Servers;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The MySQL-protocol backend passes the compatibility kit on a real server (MariaDB here). */
class MySqlCompatibilityTest extends BackendCompatibilityKit {
    private static final String DATABASE = "tether_kit";
    private static Server server;
    private static ServerAdmin admin;

    @BeforeAll
    static void createDatabase() throws SQLException {
        server = Servers.mysql();
        admin = new ServerAdmin(server);
        admin.createDatabase(DATABASE);
    }

    @AfterAll
    static void closeAdmin() throws SQLException {
        admin.close();
    }

    @Override
    protected DatabaseSettings.Builder settings(String alias) {
        return DatabaseSettings.builder(alias).engine("mysql").host(server.host()).port(server.port())
                .name(DATABASE).user(server.user()).password(server.password());
    }

    @Override
    protected long sessionId(Connection c) throws SQLException {
        return ServerAdmin.currentSessionId(c);
    }

    @Override
    protected void terminate(long sessionId) throws SQLException {
        admin.terminate(sessionId);
    }

    @Override
    protected boolean sessionExists(long sessionId) throws SQLException {
        return admin.sessionIds(DATABASE).contains(sessionId);
    }

    @Override
    protected String idleTimeoutStatement(Duration idle) {
        return ServerAdmin.idleTimeoutStatement(Server.MYSQL, idle);
    }

    @Override
    protected DatabaseSettings.Builder withBadCredentials(DatabaseSettings.Builder settings) {
        return settings.password("definitely-wrong-" + System.nanoTime());
    }
}
