package dev.tether.it.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.engine.Tether;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A transaction opened with SQL ({@code BEGIN}, {@code START TRANSACTION}) while the driver reports
 * autocommit on must not survive its request either: the next request on the session would run inside it,
 * see its uncommitted rows, and never have its own writes committed.
 */
abstract class SqlOpenedTransactionContract extends ServerContract {

    SqlOpenedTransactionContract(Server server) {
        super(server);
    }

    @BeforeAll
    void createTable() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE items (id INT PRIMARY KEY)");
        }
    }

    record Rows(long session, long count) {
    }

    @ParameterizedTest
    @EnumSource(Persistence.class)
    void aTransactionOpenedBySqlIsRolledBackBeforeTheNextRequestOnTheSameConnection(Persistence persistence)
            throws Exception {
        try (Tether tether = tether(s -> s.persistence(persistence).maxConnections(1)
                .maxAge(DatabaseSettings.UNLIMITED))) {
            long first = request(tether, persistence, c -> {
                execute(c, dialect.beginTransaction());
                execute(c, "INSERT INTO items (id) VALUES (1)");
                return ServerAdmin.currentSessionId(c);
            });
            Rows next = request(tether, persistence,
                    c -> new Rows(ServerAdmin.currentSessionId(c), number(c, "SELECT COUNT(*) FROM items")));

            assertEquals(new Rows(first, 0), next, "the next request, on the same session, sees no uncommitted row");
        }
    }
}
