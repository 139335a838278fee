package dev.tether.bench.jmh;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.bench.BenchPostgres;
import dev.tether.engine.Tether;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What CONN_HEALTH_CHECKS costs: one request ({@code SELECT 1} through Tether, thread persistence) with
 * health checks off and on, against a real PostgreSQL (see {@link BenchPostgres} for which one).
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class HealthCheckBenchmark {
    @Param({"false", "true"})
    public boolean healthChecks;

    private BenchPostgres server;
    private Tether tether;

    @Setup
    public void setUp() throws Exception {
        server = BenchPostgres.open();
        DatabaseSettings settings = server.target().settings().toBuilder().maxAge(DatabaseSettings.UNLIMITED)
                .persistence(Persistence.THREAD).healthChecks(healthChecks).build();
        tether = Tether.builder().database(settings).build();
    }

    @TearDown
    public void tearDown() throws Exception {
        tether.close();
        server.close();
    }

    @Benchmark
    public int request() throws SQLException {
        tether.requestStarted();
        try (Connection c = tether.connection("default");
             PreparedStatement s = c.prepareStatement("SELECT 1");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } finally {
            tether.requestFinished();
        }
    }
}
