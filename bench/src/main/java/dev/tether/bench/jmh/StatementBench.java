package dev.tether.bench.jmh;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Prepare, execute, close on a connection held for the iteration, as HikariCP-benchmark's {@code StatementBench}:
 * what each pool's statement wrapper costs (tracking it for close-on-return, error classification).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class StatementBench {

    @Benchmark
    public PreparedStatement cycleStatement(PoolState.Held held, Blackhole bh) throws SQLException {
        PreparedStatement statement = held.connection.prepareStatement("INSERT INTO test (column) VALUES (?)");
        statement.setInt(1, 1);
        bh.consume(statement.execute());
        statement.close();
        return statement;
    }
}
