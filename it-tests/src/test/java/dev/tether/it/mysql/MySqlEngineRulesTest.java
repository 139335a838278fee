package dev.tether.it.mysql;

import dev.tether.backend.kit.KitDatabase;
import dev.tether.it.kit.EngineRulesContract;
import dev.tether.it.kit.ServerKitDatabase;
import dev.tether.it.servers.Servers;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine's rules hold through the MySQL-protocol backend on a real server. */
class MySqlEngineRulesTest extends EngineRulesContract {
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
