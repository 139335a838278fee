package dev.tether.bench.jmh;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.bench.CountingDataSource;
import dev.tether.engine.Tether;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a request costs the pool, with no database in the way ({@link FakeConnection}s): Tether's
 * request started + connection + close + request finished, in thread and context persistence, against
 * HikariCP's getConnection + close over the same fake, and a plain {@code ThreadLocal<Connection>} get.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class HotPathBenchmark {
    private static final String ALIAS = "default";
    private static final int POOL_SIZE = 10;
    private static final ThreadLocal<Connection> RAW = ThreadLocal.withInitial(FakeConnection::new);

    private Tether threadMode;
    private Tether contextMode;
    private HikariDataSource hikari;

    @Setup
    public void setUp() {
        threadMode = tether(Persistence.THREAD);
        contextMode = tether(Persistence.CONTEXT);
        HikariConfig config = new HikariConfig();
        config.setPoolName("hot-path");
        config.setDataSource(new CountingDataSource(FakeConnection::new));
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        hikari = new HikariDataSource(config);
    }

    private static Tether tether(Persistence persistence) {
        return Tether.builder().backend(new FakeBackend())
                .database(DatabaseSettings.builder(ALIAS).engine(FakeBackend.ENGINE).name("bench")
                        .maxAge(DatabaseSettings.UNLIMITED).persistence(persistence).maxConnections(POOL_SIZE)
                        .build())
                .reaperPeriod(Duration.ZERO)
                .build();
    }

    @TearDown
    public void tearDown() {
        threadMode.close();
        contextMode.close();
        hikari.close();
    }

    /** Thread persistence: the connection stays parked with this thread between requests. */
    @Benchmark
    public void tetherThread(Blackhole bh) throws SQLException {
        request(threadMode, bh);
    }

    /** Context persistence: the connection goes back to the reservoir when its handle is closed. */
    @Benchmark
    public void tetherContext(Blackhole bh) throws SQLException {
        request(contextMode, bh);
    }

    /** A context of its own per request ({@code inContext}), as a virtual thread per request gets. */
    @Benchmark
    public Object tetherInContext() throws Exception {
        return contextMode.inContext(() -> {
            try (Connection c = contextMode.connection(ALIAS)) {
                return c.getAutoCommit();
            }
        });
    }

    @Benchmark
    public void hikari(Blackhole bh) throws SQLException {
        try (Connection c = hikari.getConnection()) {
            bh.consume(c);
        }
    }

    @Benchmark
    public Connection rawThreadLocal() {
        return RAW.get();
    }

    private static void request(Tether tether, Blackhole bh) throws SQLException {
        tether.requestStarted();
        try (Connection c = tether.connection(ALIAS)) {
            bh.consume(c);
        } finally {
            tether.requestFinished();
        }
    }
}
