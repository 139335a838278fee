package dev.tether.it.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.engine.Tether;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Requests that leave a statement and its result set open do not make a persistent connection grow:
 * what a request left open is closed when its connection is released. MySQL's driver keeps every open
 * statement on its connection, so without that the heap grew by about 2.4 KB per request.
 */
abstract class StatementLeakContract extends ServerContract {
    private static final int REQUESTS = 20_000;
    private static final long ALLOWED_GROWTH = 2L * 1024 * 1024;

    StatementLeakContract(Server server) {
        super(server);
    }

    @Test
    void statementsAndResultSetsLeftOpenByRequestsDoNotGrowTheHeap() throws Exception {
        try (Tether tether = tether(s -> s.persistence(Persistence.THREAD).maxAge(DatabaseSettings.UNLIMITED))) {
            long session = request(tether, Persistence.THREAD, ServerAdmin::currentSessionId);
            leaveOpen(tether, REQUESTS / 10); // warm-up: driver caches and compiled code are not growth
            long before = heapAfterGc();
            ResultSet last = leaveOpen(tether, REQUESTS);
            long growth = heapAfterGc() - before;

            assertTrue(growth < ALLOWED_GROWTH, "heap grew by " + growth / 1024 + " KB over " + REQUESTS
                    + " requests that each left a statement and a result set open");
            assertTrue(last.isClosed(), "the result set the last request left open was closed");
            assertEquals(session, request(tether, Persistence.THREAD, ServerAdmin::currentSessionId),
                    "every request ran on the same persistent connection");
            assertEquals(1, tether.stats(ALIAS).open());
        }
    }

    /** Runs {@code requests} requests that each leave a statement and its result set open; returns the last result set. */
    private static ResultSet leaveOpen(Tether tether, int requests) throws Exception {
        ResultSet last = null;
        for (int i = 0; i < requests; i++) {
            last = request(tether, Persistence.THREAD, c -> {
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1");
                rows.next();
                return rows;
            });
        }
        return last;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc(); // a full collection with G1; repeated so that finalizable and soft garbage goes too
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
