package dev.tether.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The results as a console table, CSV and JSON; no formatting library. */
final class Reports {
    private Reports() {
    }

    /** A table per request shape, in the order the shapes ran. */
    static String tables(List<ModeResult> results) {
        StringBuilder out = new StringBuilder();
        results.stream().map(r -> r.scenario().shape()).distinct().forEach(shape -> {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(shape.label()).append(" shape:\n")
                    .append(table(results.stream().filter(r -> r.scenario().shape() == shape).toList()));
        });
        return out.toString();
    }

    /** Latencies in ms; "per client" is requests completed by the least, median and most served client. */
    static String table(List<ModeResult> results) {
        StringBuilder out = new StringBuilder();
        String format = "%-16s %-11s %-8s %7s %5s %9s %8s %8s %8s %8s %9s %20s %5s %8s %5s %6s%n";
        out.append(String.format(Locale.ROOT, format, "mode", "release", "threads", "clients", "conns", "req/s",
                "p50 ms", "p99 ms", "p99.9 ms", "max ms", "wait max", "per client min/med/max", "jain", "connects",
                "peak", "errors"));
        for (ModeResult r : results) {
            ModeResult.Latency l = r.latency();
            Fairness f = r.fairness();
            out.append(String.format(Locale.ROOT, format, r.mode().label(), r.scenario().releaseLabel(),
                    r.mode().threads(), r.clients(), r.limit(),
                    String.format(Locale.ROOT, "%,.0f", r.requestsPerSecond()), millis(l.p50Micros()),
                    millis(l.p99Micros()), millis(l.p999Micros()), millis(l.maxMicros()), millis(l.longestWaitMicros()),
                    f.min() + "/" + f.median() + "/" + f.max(), jain(f.jain()), r.connects(),
                    r.serverPeak() < 0 ? "?" : r.serverPeak(), r.errors()));
        }
        return out.toString();
    }

    private static String jain(double index) {
        return Double.isNaN(index) ? "-" : String.format(Locale.ROOT, "%.2f", index);
    }

    static String checks(List<TargetCheck> checks) {
        return checks.stream()
                .map(c -> String.format(Locale.ROOT, "  %-66s %-44s measured %8s  %s", c.name(), c.goal(),
                        TargetCheck.format(c.measured()), c.met() ? "met" : "MISSED"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String millis(double micros) {
        return String.format(Locale.ROOT, micros >= 100_000 ? "%.0f" : "%.3f", micros / 1000);
    }

    static String csv(List<ModeResult> results) {
        StringBuilder out = new StringBuilder(
                "shape,mode,release,threads,clients,max_connections,requests,seconds,requests_per_second,p50_ms,p99_ms,"
                        + "p999_ms,max_ms,longest_wait_ms,client_min,client_median,client_max,jain,connects,server_peak,"
                        + "errors,first_error\n");
        for (ModeResult r : results) {
            ModeResult.Latency l = r.latency();
            Fairness f = r.fairness();
            out.append(String.join(",", r.scenario().shape().label(), r.mode().label(), r.scenario().releaseLabel(),
                    r.mode().threads(), Integer.toString(r.clients()), Integer.toString(r.limit()),
                    Long.toString(r.requests()), number(r.seconds()), number(r.requestsPerSecond()),
                    number(l.p50Micros() / 1000), number(l.p99Micros() / 1000), number(l.p999Micros() / 1000),
                    number(l.maxMicros() / 1000), number(l.longestWaitMicros() / 1000), Long.toString(f.min()),
                    Long.toString(f.median()), Long.toString(f.max()), number(f.jain()), Long.toString(r.connects()),
                    Integer.toString(r.serverPeak()), Long.toString(r.errors()), csvText(r.firstError()))).append('\n');
        }
        return out.toString();
    }

    /** Server connections over time: one row per sample. */
    static String connectionsCsv(List<ModeResult> results) {
        StringBuilder out = new StringBuilder("shape,mode,release,millis,server_connections\n");
        for (ModeResult r : results) {
            for (ServerSampler.Sample s : r.samples()) {
                out.append(r.scenario().shape().label()).append(',').append(r.mode().label()).append(',')
                        .append(r.scenario().releaseLabel()).append(',').append(s.millis()).append(',').append(s.connections()).append('\n');
            }
        }
        return out.toString();
    }

    static String json(RunInfo info, List<ModeResult> results, List<TargetCheck> checks) {
        Options options = info.options();
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"target\": ").append(jsonText(info.target())).append(",\n");
        out.append("  \"machine\": {\"cores\": ").append(info.cores())
                .append(", \"loadAverageBefore\": ").append(number(info.loadBefore()))
                .append(", \"loadAverageAfter\": ").append(number(info.loadAfter())).append("},\n");
        out.append("  \"options\": {\"clients\": ").append(options.clients())
                .append(", \"durationSeconds\": ").append(number(options.duration().toMillis() / 1000.0))
                .append(", \"warmupSeconds\": ").append(number(options.warmup().toMillis() / 1000.0))
                .append(", \"jvmWarmupSeconds\": ").append(number(options.jvmWarmup().toMillis() / 1000.0))
                .append(", \"shapes\": [").append(options.shapes().stream().map(shape -> jsonText(shape.label()))
                        .collect(Collectors.joining(", "))).append(']')
                .append(", \"releases\": [").append(options.releases().stream()
                        .map(release -> jsonText(release.name().toLowerCase(Locale.ROOT)))
                        .collect(Collectors.joining(", "))).append(']')
                .append(", \"cap\": ").append(options.cap())
                .append(", \"queriesPerRequest\": ").append(options.queriesPerRequest())
                .append(", \"steps\": ").append(options.steps())
                .append(", \"workMs\": ").append(number(options.work().toNanos() / 1e6)).append("},\n");
        out.append("  \"modes\": [\n");
        for (int i = 0; i < results.size(); i++) {
            ModeResult r = results.get(i);
            ModeResult.Latency l = r.latency();
            Fairness f = r.fairness();
            out.append("    {\"shape\": ").append(jsonText(r.scenario().shape().label()))
                    .append(", \"mode\": ").append(jsonText(r.mode().label()))
                    .append(", \"release\": ").append(jsonText(r.scenario().releaseLabel()))
                    .append(", \"threads\": ").append(jsonText(r.mode().threads()))
                    .append(", \"description\": ").append(jsonText(r.mode().description()))
                    .append(", \"clients\": ").append(r.clients())
                    .append(", \"maxConnections\": ").append(r.limit())
                    .append(", \"requests\": ").append(r.requests())
                    .append(", \"seconds\": ").append(number(r.seconds()))
                    .append(", \"requestsPerSecond\": ").append(number(r.requestsPerSecond()))
                    .append(", \"p50Ms\": ").append(number(l.p50Micros() / 1000))
                    .append(", \"p99Ms\": ").append(number(l.p99Micros() / 1000))
                    .append(", \"p999Ms\": ").append(number(l.p999Micros() / 1000))
                    .append(", \"maxMs\": ").append(number(l.maxMicros() / 1000))
                    .append(", \"longestWaitMs\": ").append(number(l.longestWaitMicros() / 1000))
                    .append(", \"perClient\": {\"min\": ").append(f.min()).append(", \"median\": ").append(f.median())
                    .append(", \"max\": ").append(f.max()).append(", \"jain\": ").append(number(f.jain())).append('}')
                    .append(", \"connects\": ").append(r.connects())
                    .append(", \"serverPeak\": ").append(r.serverPeak())
                    .append(", \"errors\": ").append(r.errors())
                    .append(", \"firstError\": ").append(jsonText(r.firstError()))
                    .append(",\n     \"serverConnections\": [")
                    .append(r.samples().stream().map(s -> "[" + s.millis() + "," + s.connections() + "]")
                            .collect(Collectors.joining(",")))
                    .append("]}").append(i + 1 < results.size() ? "," : "").append('\n');
        }
        out.append("  ],\n  \"targets\": [\n");
        for (int i = 0; i < checks.size(); i++) {
            TargetCheck c = checks.get(i);
            out.append("    {\"name\": ").append(jsonText(c.name())).append(", \"goal\": ").append(jsonText(c.goal()))
                    .append(", \"measured\": ").append(number(c.measured())).append(", \"met\": ").append(c.met())
                    .append('}').append(i + 1 < checks.size() ? "," : "").append('\n');
        }
        return out.append("  ]\n}\n").toString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "null";
    }

    static String csvText(String text) {
        if (text.isEmpty()) {
            return "";
        }
        return '"' + text.replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ') + '"';
    }

    static String jsonText(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
