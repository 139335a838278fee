package dev.tether.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.Pooler;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** POOLER 'transaction': statements that would leave session state on a shared server session are refused before they run. */
class TransactionPoolerTest {

    private static Scenario behind(Pooler pooler) {
        return new Scenario(s -> s.pooler(pooler));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET search_path = app", "set  time zone 'UTC'", "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
            "LISTEN jobs", "SELECT pg_advisory_lock(42)", "select PG_TRY_ADVISORY_LOCK_SHARED (1, 2)",
            "/* tagged */ SET work_mem = '64MB'", "SELECT 1; SET statement_timeout = 0", "-- note\nLISTEN x"})
    void sessionStateIsRefusedBeforeItRuns(String sql) throws SQLException {
        try (Scenario s = behind(Pooler.TRANSACTION)) {
            s.tether.requestStarted();
            try (Connection c = s.tether.connection("default")) {
                SQLException viaStatement = assertThrows(SQLException.class, () -> c.createStatement().execute(sql));
                assertThrows(SQLException.class, () -> c.prepareStatement(sql));
                assertTrue(viaStatement.getMessage().startsWith("[default] "), viaStatement.getMessage());
                assertTrue(viaStatement.getMessage().contains("POOLER 'transaction'"), viaStatement.getMessage());
            }
            s.tether.requestFinished();
            assertEquals(List.of(), s.current().executed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET LOCAL search_path = app", "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE",
            "SET CONSTRAINTS ALL DEFERRED", "SELECT pg_advisory_xact_lock(42)", "SELECT pg_try_advisory_xact_lock(1)",
            "SELECT 'SET x = 1; LISTEN y' AS text", "SELECT \"set\" FROM t", "SELECT $$ pg_advisory_lock(1) $$",
            "SELECT $f$; SET a = 1$f$, $1", "UPDATE t SET a = 1", "-- SET x = 1\nSELECT 1", "/* LISTEN x */ SELECT 1"})
    void transactionScopedStatementsRun(String sql) throws SQLException {
        try (Scenario s = behind(Pooler.TRANSACTION)) {
            s.request(sql);
            assertEquals(List.of(sql), s.current().executed);
        }
    }

    @Test
    void withoutATransactionPoolerEverythingRuns() throws SQLException {
        for (Pooler pooler : List.of(Pooler.NONE, Pooler.SESSION)) {
            try (Scenario s = behind(pooler)) {
                s.request("SET search_path = app; LISTEN jobs; SELECT pg_advisory_lock(1)");
                assertEquals(1, s.current().executed.size());
            }
        }
    }

    @Test
    void jdbcSessionChangesAreRefused() throws SQLException {
        try (Scenario s = behind(Pooler.TRANSACTION)) {
            s.tether.requestStarted();
            try (Connection c = s.tether.connection("default")) {
                SQLException error = assertThrows(SQLException.class, () -> c.setSchema("app"));
                assertTrue(error.getMessage().contains("setSchema changes the server session"), error.getMessage());
                assertThrows(SQLException.class, () -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
                assertThrows(SQLException.class, () -> c.setReadOnly(true));
                assertThrows(SQLException.class, () -> c.setCatalog("other"));
            }
            s.tether.requestFinished();
        }
    }
}
