package dev.tether.it.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.Persistence;
import dev.tether.engine.Tether;
import dev.tether.testing.servers.Server;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Shutdown is bounded on every driver: past its timeout a statement still running is aborted, server side too. */
abstract class ShutdownContract extends ServerContract {
    ShutdownContract(Server server) {
        super(server);
    }

    @Test
    void closeWithAOneSecondTimeoutReturnsSoonWhileAStatementRunsAndLeavesNoSession() throws Exception {
        Tether tether = tether(s -> s.persistence(Persistence.THREAD), e -> e.shutdownTimeout(Duration.ofSeconds(1)));
        CompletableFuture<Throwable> statement = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try (var _ = tether.begin(); Connection c = tether.connection(ALIAS)) {
                execute(c, dialect.sleep(Duration.ofSeconds(8)));
                statement.complete(null);
            } catch (SQLException | RuntimeException e) {
                statement.complete(e);
            }
        });
        assertEquals(1, awaitStats(tether, s -> s.inUse() == 1).inUse());
        awaitSleepRunningOnTheServer();

        long started = System.nanoTime();
        tether.close();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(tookMillis < 1_500, "close() took " + tookMillis + " ms with a 1 s shutdown timeout");
        assertEquals(0, admin.awaitConnectionsTo(database, 0, Duration.ofSeconds(2)), "server sessions 2 s later");
        assertTrue(statement.get(5, TimeUnit.SECONDS) instanceof SQLException, "the running statement failed");
    }

    /** Until the server lists the test's database running the sleep, so shutdown meets it mid-statement. */
    private void awaitSleepRunningOnTheServer() throws Exception {
        String running = server.isPostgres()
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '" + database + "' AND query ILIKE '%pg_sleep%'"
                        + " AND state = 'active' AND pid <> pg_backend_pid()"
                : "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '" + database
                        + "' AND INFO LIKE '%SLEEP(%' AND ID <> CONNECTION_ID()";
        long deadline = System.nanoTime() + AWAIT.toNanos();
        try (Connection watcher = server.connect()) {
            while (number(watcher, running) == 0) {
                assertTrue(System.nanoTime() - deadline < 0, "the statement never showed on the server");
                Thread.onSpinWait();
            }
        }
    }
}
