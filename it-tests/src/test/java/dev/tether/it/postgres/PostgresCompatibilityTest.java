package dev.tether.it.postgres;

import dev.tether.backend.kit.BackendKit;
import dev.tether.backend.kit.KitDatabase;
import dev.tether.it.kit.ServerKitDatabase;
import dev.tether.it.servers.Servers;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL backend passes the backend kit on a real server. */
class PostgresCompatibilityTest extends BackendKit {
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
