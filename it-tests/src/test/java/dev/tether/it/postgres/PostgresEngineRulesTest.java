package dev.tether.it.postgres;

import dev.tether.backend.kit.KitDatabase;
import dev.tether.it.kit.EngineRulesContract;
import dev.tether.it.kit.ServerKitDatabase;
import dev.tether.it.servers.Servers;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine's rules hold through the PostgreSQL backend on a real server. */
class PostgresEngineRulesTest extends EngineRulesContract {
    private static ServerKitDatabase database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = ServerKitDatabase.postgres(Servers.postgres());
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
