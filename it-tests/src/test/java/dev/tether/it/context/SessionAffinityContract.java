package dev.tether.it.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.engine.Tether;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One session per unit of work, as JDBC libraries use Tether: a new handle from {@code dataSource()} for every
 * statement. Every unit must see one server session throughout: the id its insert generated read back through
 * {@code currval()} / {@code LAST_INSERT_ID()} in another handle, and a temporary table made in one handle
 * alive in the next.
 */
abstract class SessionAffinityContract extends ServerContract {
    private static final int THREADS = 8;
    private static final int UNITS = 200;
    private static final int CAP = 4;

    SessionAffinityContract(Server server) {
        super(server);
    }

    @ParameterizedTest
    @EnumSource(Persistence.class)
    void everyUnitOfWorkSeesOneSessionHoweverOftenItsHandlesClose(Persistence persistence) throws Exception {
        String table = "affinity_" + persistence.name().toLowerCase(java.util.Locale.ROOT);
        try (Connection c = server.connect()) {
            execute(c, dialect.createRowsTable(table));
        }
        Queue<String> violations = new ConcurrentLinkedQueue<>();
        try (Tether tether = tether(s -> s.persistence(persistence).maxConnections(CAP)
                .maxAge(DatabaseSettings.UNLIMITED));
             ExecutorService threads = Executors.newThreadPerTaskExecutor(ownerThreads(persistence))) {
            DataSource data = tether.dataSource(ALIAS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int u = 0; u < UNITS; u++) {
                        String unit = "t" + thread + "u" + u;
                        boolean withTemporaryTable = u % 8 == 0;
                        unit(tether, persistence, () -> {
                            checkOneSession(data, table, unit, withTemporaryTable, violations);
                            return null;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertTrue(violations.isEmpty(), violations.size() + " units saw more than one session, e.g. " + violations.peek());
        assertNoConnectionLeftAfterClose();
    }

    /** Each step takes a handle of its own and closes it, as JdbcTemplate or JDBI would. */
    private void checkOneSession(DataSource data, String table, String unit, boolean withTemporaryTable,
                                 Queue<String> violations) throws SQLException {
        long session;
        try (Connection c = data.getConnection()) {
            session = ServerAdmin.currentSessionId(c);
        }
        try (Connection c = data.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (owner) VALUES (?)")) {
            insert.setString(1, unit);
            insert.executeUpdate();
        }
        long id;
        try (Connection c = data.getConnection()) {
            id = number(c, dialect.lastInsertedId(table));
        }
        try (Connection c = data.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT owner FROM " + table + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                String owner = rs.next() ? rs.getString(1) : null;
                if (!unit.equals(owner)) {
                    violations.add(unit + ": its last inserted id " + id + " is " + owner + "'s row");
                }
            }
        }
        if (withTemporaryTable) { // one unit in eight: creating tables is slow on PostgreSQL
            try (Connection c = data.getConnection()) {
                execute(c, "CREATE TEMPORARY TABLE scratch (v INT)");
            }
            try (Connection c = data.getConnection()) {
                execute(c, "INSERT INTO scratch VALUES (1)");
            }
            try (Connection c = data.getConnection()) {
                long rows = number(c, "SELECT COUNT(*) FROM scratch");
                execute(c, "DROP TABLE scratch");
                if (rows != 1) {
                    violations.add(unit + ": its temporary table held " + rows + " rows in its last handle");
                }
            }
        }
        try (Connection c = data.getConnection()) {
            long now = ServerAdmin.currentSessionId(c);
            if (now != session) {
                violations.add(unit + ": began on session " + session + ", ended on " + now);
            }
        }
    }
}
