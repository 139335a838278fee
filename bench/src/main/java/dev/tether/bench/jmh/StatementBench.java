package dev.tether.bench.jmh;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Prepare, execute, close on a connection held for the iteration, as HikariCP-benchmark's {@code StatementBench}:
 * what each pool's statement wrapper costs (tracking it for close-on-return, error classification).
 */
public class StatementBench extends JdbcBenchmark {

    @Benchmark
    public PreparedStatement cycleStatement(PoolState.Held held, Blackhole bh) throws SQLException {
        PreparedStatement statement = held.connection.prepareStatement("INSERT INTO test (column) VALUES (?)");
        statement.setInt(1, 1);
        bh.consume(statement.execute());
        statement.close();
        return statement;
    }
}
