package dev.tether.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JDBC benchmarks ({@link ConnectionBench}, {@link StatementBench}, {@link ResultSetBench}) at 1, 4
 * and 8 threads, then prints one table: throughput over all threads, the time one operation takes a thread
 * (threads / throughput), and the bytes allocated per operation when {@code -prof gc} was given. JMH's own
 * flags pass through ({@code -prof gc}, {@code -f}, {@code -p pool=hikari,agroal}, a benchmark regex);
 * {@code -t N} runs that thread count only. The table also goes to {@code results/jmh-jdbc.csv}.
 */
public final class JdbcSuite {
    private static final String SUITE = "\\.(ConnectionBench|StatementBench|ResultSetBench)\\.";
    private static final int[] THREADS = {1, 4, 8};

    private JdbcSuite() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions flags = new CommandLineOptions(args);
        int[] threadCounts = flags.getThreads().hasValue() ? new int[] {flags.getThreads().get()} : THREADS;
        List<Row> rows = new ArrayList<>();
        for (int threads : threadCounts) {
            ChainedOptionsBuilder options = new OptionsBuilder().parent(flags).threads(threads);
            if (flags.getIncludes().isEmpty()) {
                options.include(SUITE);
            }
            rows.addAll(rows(new Runner(options.build()).run(), threads));
        }
        String table = table(rows);
        System.out.println();
        System.out.print(table);
        Path csv = Path.of("results", "jmh-jdbc.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, csv(rows));
        System.out.println("Wrote " + csv.toAbsolutePath().normalize());
    }

    /**
     * One benchmark at one thread count.
     *
     * @param opsPerMicro throughput over all threads, operations per microsecond
     * @param error       its 99.9% confidence half-width
     * @param bytesPerOp  allocated bytes per operation, or NaN without {@code -prof gc}
     */
    record Row(String benchmark, String pool, int threads, double opsPerMicro, double error, double bytesPerOp) {
        double nanosPerOp() {
            return threads * 1_000 / opsPerMicro;
        }
    }

    static List<Row> rows(Collection<RunResult> results, int threads) {
        List<Row> rows = new ArrayList<>();
        for (RunResult run : results) {
            String name = run.getParams().getBenchmark();
            String benchmark = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            String pool = run.getParams().getParam("pool");
            Result<?> primary = run.getPrimaryResult();
            Result<?> bytes = run.getSecondaryResults().get("·gc.alloc.rate.norm");
            if (bytes == null) {
                bytes = run.getSecondaryResults().get("gc.alloc.rate.norm");
            }
            rows.add(new Row(benchmark, pool == null ? "bare stub" : pool, threads, primary.getScore(),
                    primary.getScoreError(), bytes == null ? Double.NaN : bytes.getScore()));
        }
        return rows;
    }

    static String table(List<Row> rows) {
        String format = "%-34s %-15s %7s %12s %10s %10s %10s%n";
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, format, "benchmark", "pool", "threads",
                "ops/us", "± error", "ns/op", "B/op"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, format, r.benchmark(), r.pool(), r.threads(),
                    String.format(Locale.ROOT, "%.3f", r.opsPerMicro()), String.format(Locale.ROOT, "%.3f", r.error()),
                    String.format(Locale.ROOT, "%.1f", r.nanosPerOp()),
                    Double.isNaN(r.bytesPerOp()) ? "-" : String.format(Locale.ROOT, "%.0f", r.bytesPerOp())));
        }
        return out.toString();
    }

    static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder("benchmark,pool,threads,ops_per_us,error,ns_per_op,bytes_per_op\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%s,%s,%d,%.4f,%.4f,%.2f,%s%n", r.benchmark(), r.pool(), r.threads(),
                    r.opsPerMicro(), r.error(), r.nanosPerOp(),
                    Double.isNaN(r.bytesPerOp()) ? "" : String.format(Locale.ROOT, "%.1f", r.bytesPerOp())));
        }
        return out.toString();
    }
}
