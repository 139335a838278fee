package dev.tether.it.mysql;

import dev.tether.backend.kit.BackendKit;
import dev.tether.backend.kit.KitDatabase;
import dev.tether.it.kit.ServerKitDatabase;
import dev.tether.it.servers.Servers;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The MySQL-protocol backend passes the backend kit on a real server. */
class MySqlCompatibilityTest extends BackendKit {
    private static ServerKitDatabase database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = ServerKitDatabase.mysql(Servers.mysql());
    }

    @AfterAll
    static void closeAdmin() throws SQLException {
        database.close();
    }

    @Override
    protected KitDatabase database() {
        return database;
    }
}
