package dev.tether.bench.jmh;

import java.sql.Connection;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Getting and giving back a connection, as HikariCP-benchmark's {@code ConnectionBench}: for Tether a whole
 * request (request started, {@code connection}, close, request finished), for HikariCP and Agroal
 * {@code getConnection()} + {@code close()}. Throughput over all threads.
 */
public class ConnectionBench extends JdbcBenchmark {

    @Benchmark
    public Connection cycleConnection(PoolState state) throws SQLException {
        Connection connection = state.contender.borrow();
        state.contender.giveBack(connection);
        return connection;
    }
}
