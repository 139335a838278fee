package dev.tether.bench.jmh;

import java.sql.Connection;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The contender of the JDBC benchmarks ({@link ConnectionBench}, {@link StatementBench}, {@link ResultSetBench}),
 * one per fork: Tether in each persistence mode, HikariCP and Agroal, all over {@link FakeConnection}s, with a
 * pool of {@link #poolSize} (HikariCP-benchmark's layout; run the suite at 1, 4 and 8 threads with
 * {@link JdbcSuite}).
 */
@State(Scope.Benchmark)
public class PoolState {
    @Param({"tether-thread", "tether-context", "hikari", "agroal"})
    public String pool;

    @Param("8")
    public int poolSize;

    BenchPool contender;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        contender = BenchPool.open(pool, poolSize);
    }

    @TearDown(Level.Trial)
    public void close() {
        contender.close();
    }

    /**
     * A connection a thread holds for a whole iteration, as a request holds one for its statements (Tether: one
     * request per iteration), so the statement and result-set benchmarks measure the wrapped JDBC calls only.
     */
    @State(Scope.Thread)
    public static class Held {
        Connection connection;
        private BenchPool from;

        @Setup(Level.Iteration)
        public void borrow(PoolState state) throws SQLException {
            from = state.contender;
            connection = from.borrow();
        }

        @TearDown(Level.Iteration)
        public void giveBack() throws SQLException {
            from.giveBack(connection);
        }
    }
}
