package dev.tether.bench;

import dev.tether.api.Release;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The load demo's flags. Unknown flags and bad values fail with a message saying what is accepted.
 *
 * @param clients           concurrent clients in every mode
 * @param duration          measured time per scenario
 * @param warmup            unmeasured time per scenario before it
 * @param jvmWarmup         time per mode, with few clients, before the first measured scenario: compiles every
 *                          mode's code while the CPU is not saturated, so the first one is not measured on a cold JVM
 * @param modes             the modes to run, in order
 * @param shapes            the request shapes, in order; each runs every mode (the steps shape all but raw and
 *                          per-request)
 * @param releases          the RELEASE settings Tether's modes run with in the steps shape (the select shape uses
 *                          one handle per request, where they behave alike, so it runs the default only)
 * @param url               a server to use ({@code postgresql://...}, {@code mysql://...}); null for an embedded PostgreSQL
 * @param cap               connections of the reference pool: HikariCP's size and the context mode's MAX_CONNECTIONS
 * @param queriesPerRequest {@code SELECT 1} round trips per request in the select shape
 * @param steps             queries per request in the steps shape, each on its own handle
 * @param work              other work between two queries of the steps shape
 * @param out               where the CSV, JSON and SVG files go
 */
public record Options(int clients, Duration duration, Duration warmup, Duration jvmWarmup, List<Mode> modes,
                      List<Shape> shapes, List<Release> releases, String url, int cap, int queriesPerRequest,
                      int steps, Duration work, Path out) {

    public static final String USAGE = """
            Usage: bin/demo [flags]
              --clients N               concurrent clients in every mode (default 160)
              --duration D              measured time per scenario: 3s, 1500ms, 2m or seconds (default 3s)
              --warmup D                unmeasured time per scenario before it (default 1s)
              --jvm-warmup D            before the first scenario, every mode with few clients, not measured, so that
                                        nothing is measured on a cold JVM (default 2s per mode; 0 for none)
              --modes a,b,...           any of raw, per-request, thread, hikari-platform, context, hikari-virtual
                                        (default: all, in that order); verdicts compare thread with hikari-platform
                                        (platform threads) and context with hikari-virtual (virtual threads)
              --shapes a,b              select: one handle, SELECT 1 per query, closed; steps: --steps queries, each on
                                        a handle of its own, with --work between them (default: select,steps; raw and
                                        per-request run the select shape only)
              --releases a,b            RELEASE settings for Tether's modes in the steps shape: unit, transaction
                                        (default: both)
              --url URL                 a server to load instead of the embedded PostgreSQL, e.g.
                                        postgresql://postgres@127.0.0.1:5432/bench or mysql://root@127.0.0.1:3306/bench
                                        (use a database of its own: server connections are counted per database and user)
              --cap C                   the reference pool's size: HikariCP's pool and context mode's MAX_CONNECTIONS (default 8)
              --queries-per-request Q   SELECT 1 round trips per request in the select shape (default 1)
              --steps S                 queries per request in the steps shape (default 3)
              --work D                  other work between two queries of the steps shape (default 500us)
              --out DIR                 where results go, relative to bench/ (default bench/results)
              --help                    this text
            """;

    public Options {
        if (clients < 1) {
            throw new IllegalArgumentException("--clients is " + clients + "; use at least 1");
        }
        if (cap < 1) {
            throw new IllegalArgumentException("--cap is " + cap + "; use at least 1");
        }
        if (queriesPerRequest < 1) {
            throw new IllegalArgumentException("--queries-per-request is " + queriesPerRequest + "; use at least 1");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("--steps is " + steps + "; use at least 1");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive, e.g. 3s");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative; use 0 for none");
        }
        if (jvmWarmup.isNegative()) {
            throw new IllegalArgumentException("--jvm-warmup must not be negative; use 0 for none");
        }
        if (work.isNegative()) {
            throw new IllegalArgumentException("--work must not be negative; use 0 for none");
        }
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("--modes is empty; use any of " + Mode.names());
        }
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException("--shapes is empty; use select, steps or both");
        }
        if (releases.isEmpty()) {
            throw new IllegalArgumentException("--releases is empty; use unit, transaction or both");
        }
        modes = List.copyOf(modes);
        shapes = List.copyOf(shapes);
        releases = List.copyOf(releases);
    }

    public static Options defaults() {
        return new Options(160, Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(2),
                List.of(Mode.values()), List.of(Shape.values()), List.of(Release.values()), null, 8, 1, 3,
                Duration.ofNanos(500_000), Path.of("results"));
    }

    /** Reads flags as {@code --name value} or {@code --name=value}. */
    public static Options parse(String... args) {
        Options o = defaults();
        int clients = o.clients;
        Duration duration = o.duration;
        Duration warmup = o.warmup;
        Duration jvmWarmup = o.jvmWarmup;
        List<Mode> modes = o.modes;
        List<Shape> shapes = o.shapes;
        List<Release> releases = o.releases;
        String url = o.url;
        int cap = o.cap;
        int queries = o.queriesPerRequest;
        int steps = o.steps;
        Duration work = o.work;
        Path out = o.out;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.isBlank()) {
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                throw new HelpRequested();
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
                }
                value = args[++i];
            }
            switch (name) {
                case "--clients" -> clients = integer(name, value);
                case "--duration" -> duration = duration(name, value);
                case "--warmup" -> warmup = duration(name, value);
                case "--jvm-warmup" -> jvmWarmup = duration(name, value);
                case "--modes", "--mode" -> modes = list(value, Mode::parse);
                case "--shapes", "--shape" -> shapes = list(value, Shape::parse);
                case "--releases", "--release" -> releases = list(value, Options::release);
                case "--url" -> url = value.isBlank() ? null : value.strip();
                case "--cap" -> cap = integer(name, value);
                case "--queries-per-request" -> queries = integer(name, value);
                case "--steps" -> steps = integer(name, value);
                case "--work" -> work = duration(name, value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown flag " + name + "\n" + USAGE);
            }
        }
        return new Options(clients, duration, warmup, jvmWarmup, modes, shapes, releases, url, cap, queries, steps,
                work, out);
    }

    /**
     * What the run measures, in order: every shape with every mode, Tether's modes in the steps shape once
     * per RELEASE setting. Raw and per-request run the select shape only: raw keeps its connection whatever
     * the shape, and per-request's connects would drown the steps shape's difference.
     */
    List<Scenario> scenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        for (Shape shape : shapes) {
            for (Mode mode : modes) {
                if (shape == Shape.SELECT) {
                    scenarios.add(Scenario.of(mode, shape));
                } else if (mode == Mode.RAW || mode == Mode.PER_REQUEST) {
                    continue;
                } else if (mode.tether()) {
                    releases.forEach(release -> scenarios.add(new Scenario(mode, shape, release)));
                } else {
                    scenarios.add(Scenario.of(mode, shape));
                }
            }
        }
        return scenarios;
    }

    /** The whole run's length without set-up: the JVM warm-up pass and every scenario's warm-up and window. */
    Duration plannedLength() {
        Duration perScenario = warmup.plus(duration);
        return jvmWarmup.multipliedBy(modes.size()).plus(perScenario.multipliedBy(scenarios().size()));
    }

    /** The JVM warm-up pass: every mode with at most {@code maxClients} clients for {@link #jvmWarmup}, not measured. */
    Options forJvmWarmup(int maxClients) {
        return new Options(Math.min(clients, maxClients), jvmWarmup, Duration.ZERO, Duration.ZERO, modes,
                List.of(Shape.SELECT), releases, url, cap, queriesPerRequest, steps, work, out);
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is '" + value + "'; use a whole number");
        }
    }

    /** {@code 8s}, {@code 1500ms}, {@code 500us}, {@code 2m}, or a plain number of seconds. */
    static Duration duration(String name, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("us")) {
                return Duration.ofNanos(Long.parseLong(v.substring(0, v.length() - 2)) * 1000);
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is '" + value + "'; use a duration such as 8s, 1500ms or 2m");
        }
    }

    private static <T> List<T> list(String value, Function<String, T> parse) {
        LinkedHashSet<T> items = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                items.add(parse.apply(part));
            }
        }
        return new ArrayList<>(items);
    }

    private static Release release(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "unit" -> Release.UNIT;
            case "transaction" -> Release.TRANSACTION;
            default -> throw new IllegalArgumentException("unknown release '" + text.strip() + "'; use unit or transaction");
        };
    }

    /** --help was given: print {@link #USAGE} and stop. */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(USAGE, null, false, false);
        }
    }
}
