package dev.tether.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The main job: the "too many connections" stress test and its fix, on this machine. N concurrent clients
 * run requests in each mode in turn while a separate admin connection counts what the server sees; then
 * the table, CSV, JSON and an SVG chart of server connections over time. Run it with {@code bin/demo}.
 */
public final class LoadDemo {
    /**
     * Clients in the JVM warm-up, per connection of the cap: more than the cap, so that the code of waiting and
     * handing over at the cap is compiled too, and few enough that the JIT compiler threads get CPU time on a small
     * machine. With fewer (8, the cap), the first mode measured ran on cold hand-over code, and two runs of the
     * same pair differed by up to 1.7x depending on which mode came first.
     */
    static final int JVM_WARMUP_CLIENTS_PER_CONNECTION = 2;

    private LoadDemo() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.HelpRequested help) {
            System.out.print(Options.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("bin/demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        EmbeddedServer embedded = null;
        try {
            Target target;
            if (options.url() == null) {
                System.err.println("Starting an embedded PostgreSQL (the first run downloads and unpacks it) ...");
                embedded = EmbeddedServer.start();
                target = embedded.target();
            } else {
                target = Target.fromUrl(options.url());
            }
            run(options, target);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    static void run(Options options, Target target) throws Exception {
        RunInfo info = RunInfo.start(target.toString(), options);
        System.err.printf("Load: %d clients, %s measured after %s warm-up per scenario, cap %d, against %s%n",
                options.clients(), seconds(options.duration()), seconds(options.warmup()), options.cap(), target);
        System.err.println(shapes(options));
        List<ModeResult> results = new ArrayList<>();
        try (ServerSampler sampler = new ServerSampler(target)) {
            if (!options.jvmWarmup().isZero()) {
                Options warm = options.forJvmWarmup(JVM_WARMUP_CLIENTS_PER_CONNECTION * options.cap());
                System.err.printf("JVM warm-up: every mode for %s with %d clients, not measured%n",
                        seconds(warm.duration()), warm.clients());
                for (Scenario scenario : warm.scenarios()) {
                    sampler.awaitIdle(Duration.ofSeconds(15));
                    new LoadRun(scenario, warm, target, sampler, false).run();
                }
            }
            for (Scenario scenario : options.scenarios()) {
                if (!sampler.awaitIdle(Duration.ofSeconds(15))) {
                    System.err.println("  note: the server still shows " + sampler.countNow() + " connections to "
                            + target.settings().name() + " before " + scenario.label()
                            + "; server peaks include them (use a database of its own)");
                }
                System.err.printf("%s shape, %s: %s%n", scenario.shape().label(), scenario.label(),
                        scenario.mode().description());
                results.add(new LoadRun(scenario, options, target, sampler, true).run());
            }
        }
        info = info.withLoadAfter();
        List<TargetCheck> checks = TargetCheck.judge(results, target.kind());
        System.out.println();
        System.out.println("Against " + target + ":");
        System.out.print(Reports.tables(results));
        if (!checks.isEmpty()) {
            System.out.println();
            System.out.println("Targets (ratios inside this run):");
            System.out.print(Reports.checks(checks));
        }
        results.stream().filter(r -> !r.firstError().isEmpty()).forEach(r ->
                System.out.println("first error in " + r.scenario().shape().label() + " " + r.scenario().label() + ": "
                        + r.firstError()));
        if (!info.loadNote().isEmpty()) {
            System.out.println(info.loadNote());
        }
        write(info, results, checks);
    }

    static void write(RunInfo info, List<ModeResult> results, List<TargetCheck> checks) throws IOException {
        Options options = info.options();
        Path out = options.out();
        Files.createDirectories(out);
        Path csv = Files.writeString(out.resolve("load.csv"), Reports.csv(results));
        Path json = Files.writeString(out.resolve("load.json"), Reports.json(info, results, checks));
        Path series = Files.writeString(out.resolve("load-connections.csv"), Reports.connectionsCsv(results));
        // the chart tells the connection story, which the select shape shows alone
        List<ModeResult> select = results.stream().filter(r -> r.scenario().shape() == Shape.SELECT).toList();
        Path svg = Files.writeString(out.resolve("load-connections.svg"), SvgChart.render(
                "Server connections, " + options.clients() + " clients, cap " + options.cap(),
                select.isEmpty() ? results : select));
        System.out.println();
        System.out.println("Wrote " + csv.toAbsolutePath().normalize() + ", " + json.getFileName() + ", "
                + series.getFileName() + " and " + svg.getFileName());
    }

    private static String shapes(Options options) {
        StringBuilder text = new StringBuilder("Request shapes:");
        for (Shape shape : options.shapes()) {
            text.append(switch (shape) {
                case SELECT -> String.format(" select = one handle, %d x SELECT 1;", options.queriesPerRequest());
                case STEPS -> String.format(" steps = %d handles of one SELECT 1 each, %s of other work between them;",
                        options.steps(), TargetCheck.format(options.work().toNanos() / 1e6) + " ms");
            });
        }
        return text.substring(0, text.length() - 1);
    }

    private static String seconds(Duration d) {
        return TargetCheck.format(d.toMillis() / 1000.0) + " s";
    }
}
