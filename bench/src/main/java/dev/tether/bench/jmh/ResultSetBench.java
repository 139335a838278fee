package dev.tether.bench.jmh;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading {@link FakeResultSet#ROWS} rows ({@code next}, {@code getInt}, {@code getString}) of a prepared query,
 * through each pool's wrappers, and through none ({@link #bareStub}): the floor, so a pool's cost per row is its
 * score against the stub's.
 */
public class ResultSetBench extends JdbcBenchmark {

    /** A fake connection of the thread's own, no pool around it. */
    @State(Scope.Thread)
    public static class Bare {
        final Connection connection = new FakeConnection();
    }

    @Benchmark
    public void readRows(PoolState.Held held, Blackhole bh) throws SQLException {
        read(held.connection, bh);
    }

    @Benchmark
    public void bareStub(Bare bare, Blackhole bh) throws SQLException {
        read(bare.connection, bh);
    }

    private static void read(Connection connection, Blackhole bh) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, name FROM test");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                bh.consume(rows.getInt(1));
                bh.consume(rows.getString(2));
            }
        }
    }
}
