package dev.tether.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The results as a console table, CSV and JSON; no formatting library. */
final class Reports {
    private Reports() {
    }

    static String table(List<ModeResult> results) {
        StringBuilder out = new StringBuilder();
        String format = "%-12s %8s %9s %11s %9s %9s %9s %12s %8s%n";
        out.append(String.format(Locale.ROOT, format, "mode", "clients", "max conns", "req/s", "p50 ms", "p99 ms",
                "connects", "server peak", "errors"));
        for (ModeResult r : results) {
            out.append(String.format(Locale.ROOT, format, r.mode().label(), r.clients(), r.limit(),
                    String.format(Locale.ROOT, "%,.0f", r.requestsPerSecond()), millis(r.p50Micros()),
                    millis(r.p99Micros()), r.connects(), r.serverPeak() < 0 ? "?" : r.serverPeak(), r.errors()));
        }
        return out.toString();
    }

    static String checks(List<TargetCheck> checks) {
        return checks.stream()
                .map(c -> String.format(Locale.ROOT, "  %-26s %-44s measured %8s  %s", c.name(), c.goal(),
                        TargetCheck.format(c.measured()), c.met() ? "met" : "MISSED"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String millis(double micros) {
        return String.format(Locale.ROOT, "%.3f", micros / 1000);
    }

    static String csv(List<ModeResult> results) {
        StringBuilder out = new StringBuilder(
                "mode,clients,max_connections,requests,seconds,requests_per_second,p50_ms,p99_ms,connects,server_peak,errors,first_error\n");
        for (ModeResult r : results) {
            out.append(String.join(",", r.mode().label(), Integer.toString(r.clients()), Integer.toString(r.limit()),
                    Long.toString(r.requests()), number(r.seconds()), number(r.requestsPerSecond()),
                    number(r.p50Micros() / 1000), number(r.p99Micros() / 1000), Long.toString(r.connects()),
                    Integer.toString(r.serverPeak()), Long.toString(r.errors()), csvText(r.firstError()))).append('\n');
        }
        return out.toString();
    }

    /** Server connections over time: one row per sample. */
    static String connectionsCsv(List<ModeResult> results) {
        StringBuilder out = new StringBuilder("mode,millis,server_connections\n");
        for (ModeResult r : results) {
            for (ServerSampler.Sample s : r.samples()) {
                out.append(r.mode().label()).append(',').append(s.millis()).append(',').append(s.connections()).append('\n');
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
                .append(", \"cap\": ").append(options.cap())
                .append(", \"queriesPerRequest\": ").append(options.queriesPerRequest()).append("},\n");
        out.append("  \"modes\": [\n");
        for (int i = 0; i < results.size(); i++) {
            ModeResult r = results.get(i);
            out.append("    {\"mode\": ").append(jsonText(r.mode().label()))
                    .append(", \"description\": ").append(jsonText(r.mode().description()))
                    .append(", \"clients\": ").append(r.clients())
                    .append(", \"maxConnections\": ").append(r.limit())
                    .append(", \"requests\": ").append(r.requests())
                    .append(", \"seconds\": ").append(number(r.seconds()))
                    .append(", \"requestsPerSecond\": ").append(number(r.requestsPerSecond()))
                    .append(", \"p50Ms\": ").append(number(r.p50Micros() / 1000))
                    .append(", \"p99Ms\": ").append(number(r.p99Micros() / 1000))
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
