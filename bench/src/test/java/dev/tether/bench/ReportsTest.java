package dev.tether.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
    private static final List<ServerSampler.Sample> RAMP = List.of(new ServerSampler.Sample(0, 0),
            new ServerSampler.Sample(100, 80), new ServerSampler.Sample(200, 160));

    private static final List<ModeResult> RESULTS = List.of(
            new ModeResult(Mode.THREAD, 160, 160, 400_000, 8.0, 900, 4_000, 160, 160, 0, "", RAMP),
            new ModeResult(Mode.PER_REQUEST, 160, 160, 4_000, 8.0, 60_000, 200_000, 4_200, 158, 2,
                    "SQLException: FATAL: \"sorry\", too many clients, already", RAMP),
            new ModeResult(Mode.CONTEXT, 160, 8, 300_000, 8.0, 1_000, 5_000, 8, 8, 0, "",
                    List.of(new ServerSampler.Sample(0, 0), new ServerSampler.Sample(100, 8))));

    @Test
    void csvHasOneRowPerModeWithTheErrorQuoted() {
        List<String> lines = Reports.csv(RESULTS).lines().toList();
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("mode,clients,max_connections,requests,seconds,requests_per_second"));
        assertEquals("thread,160,160,400000,8.000,50000.000,0.900,4.000,160,160,0,", lines.get(1));
        assertTrue(lines.get(2).endsWith(",2,\"SQLException: FATAL: \"\"sorry\"\", too many clients, already\""));
    }

    @Test
    void jsonCarriesEveryModeItsSeriesAndTheTargets() {
        String json = Reports.json(new RunInfo("embedded PostgreSQL", Options.defaults(), 2, 0.5, 1.5), RESULTS,
                TargetCheck.judge(RESULTS, Target.Kind.POSTGRESQL));
        assertTrue(json.contains("\"mode\": \"per-request\""), json);
        assertTrue(json.contains("\"machine\": {\"cores\": 2, \"loadAverageBefore\": 0.500, \"loadAverageAfter\": 1.500}"), json);
        assertTrue(json.contains("\"serverConnections\": [[0,0],[100,80],[200,160]]"), json);
        assertTrue(json.contains("\\\"sorry\\\""), json);
        assertTrue(json.contains("{\"name\": \"context clients / cap\", \"goal\": \">= 20 with server peak <= cap and no errors\", "
                + "\"measured\": 20.000, \"met\": true}"), json);
        assertEquals(json.chars().filter(c -> c == '{').count(), json.chars().filter(c -> c == '}').count());
    }

    @Test
    void targetsAreRatiosInsideTheRun() {
        Map<String, TargetCheck> checks = TargetCheck.judge(RESULTS, Target.Kind.POSTGRESQL).stream()
                .collect(Collectors.toMap(TargetCheck::name, c -> c));
        assertFalse(checks.containsKey("thread / per-request req/s"), "per-request had errors: rates not comparable");
        assertTrue(checks.get("context clients / cap").met());
        assertFalse(checks.containsKey("thread / hikari req/s"), "hikari did not run");
        List<ModeResult> clean = List.of(RESULTS.get(0), new ModeResult(Mode.PER_REQUEST, 160, 160, 4_000, 8.0,
                60_000, 200_000, 4_200, 158, 0, "", RAMP));
        assertEquals(100.0, TargetCheck.judge(clean, Target.Kind.POSTGRESQL).getFirst().measured(), 1e-9);
        assertTrue(TargetCheck.judge(clean, Target.Kind.POSTGRESQL).getFirst().met());
        assertTrue(TargetCheck.judge(clean, Target.Kind.MYSQL).isEmpty(), "the 50x target is PostgreSQL's");
    }

    @Test
    void withTooFewClientsForTheTwentyfoldTargetOnlyTheBoundIsJudged() {
        ModeResult context = new ModeResult(Mode.CONTEXT, 64, 8, 300_000, 8.0, 1_000, 5_000, 8, 9, 0, "", RAMP);
        List<TargetCheck> checks = TargetCheck.judge(List.of(context), Target.Kind.POSTGRESQL);
        assertEquals(1, checks.size());
        assertEquals("context server peak / cap", checks.get(0).name());
        assertFalse(checks.get(0).met(), "9 server connections for a cap of 8");
    }

    @Test
    void chartHasALineAndALegendPerModeScaledToThePeak(@TempDir Path out) throws Exception {
        Options options = Options.parse("--out", out.toString());
        LoadDemo.write(new RunInfo("test", options, 2, 0, 0), RESULTS, TargetCheck.judge(RESULTS, Target.Kind.POSTGRESQL));
        String svg = Files.readString(out.resolve("load-connections.svg"));
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertEquals(3, svg.split("<polyline", -1).length - 1);
        for (String label : List.of("thread", "per-request", "context")) {
            assertTrue(svg.contains(">" + label + "</text>"), label);
        }
        assertTrue(svg.contains(">200</text>"), "the y axis ends at 200 for a peak of 160");
        assertTrue(svg.endsWith("</svg>\n"));
        assertTrue(Files.readString(out.resolve("load-connections.csv")).contains("context,100,8"));
        assertTrue(Files.exists(out.resolve("load.json")) && Files.exists(out.resolve("load.csv")));
    }

    @Test
    void histogramPercentilesAreWithinThreePercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v * 1_000);
        }
        assertEquals(50_000_000, h.percentile(0.5), 50_000_000 * 0.03);
        assertEquals(99_000_000, h.percentile(0.99), 99_000_000 * 0.03);
        assertEquals(100_000, h.count());
        for (long v : new long[] {0, 1, 63, 64, 65, 1_000, 123_456_789, Long.MAX_VALUE / 2}) {
            long mid = LatencyHistogram.midpoint(LatencyHistogram.index(v));
            assertTrue(Math.abs(mid - v) <= Math.max(1, v * 0.03), v + " -> " + mid);
        }
    }
}
