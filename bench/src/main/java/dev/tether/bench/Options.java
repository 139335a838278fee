package dev.tether.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The load demo's flags. Unknown flags and bad values fail with a message saying what is accepted.
 *
 * @param clients           concurrent clients in every mode
 * @param duration          measured time per mode
 * @param warmup            unmeasured time per mode before it
 * @param jvmWarmup         time per mode, with few clients, before the first measured mode: compiles every mode's
 *                          code while the CPU is not saturated, so the first mode is not measured on a cold JVM
 * @param modes             the modes to run, in order
 * @param url               a server to use ({@code postgresql://...}, {@code mysql://...}); null for an embedded PostgreSQL
 * @param cap               connections of the reference pool: HikariCP's size and the context mode's MAX_CONNECTIONS
 * @param queriesPerRequest {@code SELECT 1} round trips per request
 * @param out               where the CSV, JSON and SVG files go
 */
public record Options(int clients, Duration duration, Duration warmup, Duration jvmWarmup, List<Mode> modes, String url,
                      int cap, int queriesPerRequest, Path out) {

    public static final String USAGE = """
            Usage: bin/demo [flags]
              --clients N               concurrent clients in every mode (default 160)
              --duration D              measured time per mode: 8s, 1500ms, 2m or seconds (default 8s)
              --warmup D                unmeasured time per mode before it (default 2s)
              --jvm-warmup D            before the first mode, every mode with few clients, not measured, so that
                                        no mode is measured on a cold JVM (default 1s per mode; 0 for none)
              --modes a,b,...           any of raw, per-request, thread, context, hikari (default: all, in that order)
              --url URL                 a server to load instead of the embedded PostgreSQL, e.g.
                                        postgresql://postgres@127.0.0.1:5432/bench or mysql://root@127.0.0.1:3306/bench
                                        (use a database of its own: server connections are counted per database and user)
              --cap C                   the reference pool's size: HikariCP's pool and context mode's MAX_CONNECTIONS (default 8)
              --queries-per-request Q   SELECT 1 round trips per request (default 1)
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
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive, e.g. 8s");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative; use 0 for none");
        }
        if (jvmWarmup.isNegative()) {
            throw new IllegalArgumentException("--jvm-warmup must not be negative; use 0 for none");
        }
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("--modes is empty; use any of " + Mode.names());
        }
        modes = List.copyOf(modes);
    }

    public static Options defaults() {
        return new Options(160, Duration.ofSeconds(8), Duration.ofSeconds(2), Duration.ofSeconds(1), List.of(Mode.values()),
                null, 8, 1, Path.of("results"));
    }

    /** Reads flags as {@code --name value} or {@code --name=value}. */
    public static Options parse(String... args) {
        Options o = defaults();
        int clients = o.clients;
        Duration duration = o.duration;
        Duration warmup = o.warmup;
        Duration jvmWarmup = o.jvmWarmup;
        List<Mode> modes = o.modes;
        String url = o.url;
        int cap = o.cap;
        int queries = o.queriesPerRequest;
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
                case "--modes", "--mode" -> modes = modes(value);
                case "--url" -> url = value.isBlank() ? null : value.strip();
                case "--cap" -> cap = integer(name, value);
                case "--queries-per-request" -> queries = integer(name, value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown flag " + name + "\n" + USAGE);
            }
        }
        return new Options(clients, duration, warmup, jvmWarmup, modes, url, cap, queries, out);
    }

    /** The JVM warm-up pass: every mode with at most {@code maxClients} clients for {@link #jvmWarmup}, not measured. */
    Options forJvmWarmup(int maxClients) {
        return new Options(Math.min(clients, maxClients), jvmWarmup, Duration.ZERO, Duration.ZERO, modes, url, cap,
                queriesPerRequest, out);
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is '" + value + "'; use a whole number");
        }
    }

    /** {@code 8s}, {@code 1500ms}, {@code 2m}, or a plain number of seconds. */
    static Duration duration(String name, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
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

    private static List<Mode> modes(String value) {
        LinkedHashSet<Mode> modes = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                modes.add(Mode.parse(part));
            }
        }
        return new ArrayList<>(modes);
    }

    /** --help was given: print {@link #USAGE} and stop. */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(USAGE, null, false, false);
        }
    }
}
