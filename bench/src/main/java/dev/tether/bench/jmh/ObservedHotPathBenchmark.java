package dev.tether.bench.jmh;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.bench.BenchPostgres;
import dev.tether.engine.Tether;
import dev.tether.micrometer.TetherMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The hot path of {@link HotPathBenchmark} (request started + connection + close + request finished, fake
 * connections) with observability off, with Micrometer meters bound, with a flight recording of Tether's events
 * running, and with both: what metrics and JFR cost a request. With {@code database=postgres} the request also
 * runs {@code SELECT 1} on a real PostgreSQL (see {@link BenchPostgres} for which one): the overhead an application
 * sees, where the fake path shows it against nothing else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class ObservedHotPathBenchmark {
    private static final String ALIAS = "default";

    @Param({"off", "metrics", "jfr", "both"})
    public String observe;

    @Param({"THREAD", "CONTEXT"})
    public Persistence persistence;

    @Param({"fake", "postgres"})
    public String database;

    private BenchPostgres server;
    private Tether tether;
    private TetherMetrics metrics;
    private Recording recording;

    @Setup
    public void setUp() throws Exception {
        DatabaseSettings.Builder settings = DatabaseSettings.builder(ALIAS).engine(FakeBackend.ENGINE).name("bench");
        if (database.equals("postgres")) {
            server = BenchPostgres.open();
            settings = server.target().settings().toBuilder();
        }
        tether = Tether.builder().backend(new FakeBackend())
                .database(settings.maxAge(DatabaseSettings.UNLIMITED).persistence(persistence).maxConnections(10).build())
                .reaperPeriod(Duration.ZERO)
                .build();
        if (observe.equals("metrics") || observe.equals("both")) {
            metrics = TetherMetrics.bind(tether, new SimpleMeterRegistry());
        }
        if (observe.equals("jfr") || observe.equals("both")) {
            recording = new Recording();
            recording.enable("dev.tether.ConnectionAcquired").withThreshold(Duration.ZERO);
            recording.enable("dev.tether.ConnectionReleased").withThreshold(Duration.ZERO);
            recording.setToDisk(false);
            recording.setMaxSize(16 * 1024 * 1024);
            recording.start();
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        if (recording != null) {
            recording.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        tether.close();
        if (server != null) {
            server.close();
        }
    }

    @Benchmark
    public void request(Blackhole bh) throws SQLException {
        tether.requestStarted();
        try (Connection c = tether.connection(ALIAS)) {
            if (server == null) {
                bh.consume(c);
            } else {
                try (PreparedStatement s = c.prepareStatement("SELECT 1"); ResultSet rs = s.executeQuery()) {
                    rs.next();
                    bh.consume(rs.getInt(1));
                }
            }
        } finally {
            tether.requestFinished();
        }
    }
}
