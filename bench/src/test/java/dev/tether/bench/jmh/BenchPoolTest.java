package dev.tether.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchPoolTest {

    /** The JDBC benchmarks would measure nothing if a contender bypassed its wrappers or read no rows. */
    @ParameterizedTest
    @ValueSource(strings = {"tether-thread", "tether-context", "hikari", "agroal"})
    void everyContenderReadsTheStubsRowsThroughItsOwnWrappers(String name) throws Exception {
        try (BenchPool pool = BenchPool.open(name, 2)) {
            Connection connection = pool.borrow();
            assertFalse(connection instanceof FakeConnection, name + " hands out the fake connection unwrapped");
            int rows = 0;
            long sum = 0;
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, name FROM test");
                 ResultSet result = statement.executeQuery()) {
                assertNotSame(FakePreparedStatement.class, statement.getClass());
                while (result.next()) {
                    rows++;
                    sum += result.getInt(1);
                    assertEquals("row", result.getString(2));
                }
            }
            assertEquals(FakeResultSet.ROWS, rows);
            assertEquals(FakeResultSet.ROWS * (FakeResultSet.ROWS + 1) / 2, sum);
            pool.giveBack(connection);
            assertTrue(connection.isClosed(), name + ": the handle is closed once given back");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tether-thread", "tether-context", "hikari", "agroal"})
    void aGivenBackConnectionIsServedAgainSoTheBenchmarksMeasureReuseNotConnects(String name) throws Exception {
        try (BenchPool pool = BenchPool.open(name, 1)) {
            Set<FakeConnection> physical = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                Connection connection = pool.borrow();
                physical.add(connection.unwrap(FakeConnection.class));
                pool.giveBack(connection);
            }
            assertEquals(1, physical.size());
        }
    }

    @Test
    void anUnknownContenderIsNamedWithTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchPool.open("c3p0", 1));
        assertEquals("unknown pool 'c3p0'; use tether-thread, tether-context, hikari or agroal", e.getMessage());
    }
}
