package dev.tether.bench.jmh;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Getting and giving back a connection, as HikariCP-benchmark's {@code ConnectionBench}: for Tether a whole
 * request (request started, {@code connection}, close, request finished), for HikariCP and Agroal
 * {@code getConnection()} + {@code close()}. Throughput over all threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class ConnectionBench {

    @Benchmark
    public Connection cycleConnection(PoolState state) throws SQLException {
        Connection connection = state.contender.borrow();
        state.contender.giveBack(connection);
        return connection;
    }
}
