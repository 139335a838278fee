package dev.tether.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.Release;
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
    private static final Fairness EVEN = new Fairness(2_400, 2_500, 2_600, 0.99);

    private static final List<ModeResult> RESULTS = List.of(
            result(Scenario.of(Mode.THREAD, Shape.SELECT), 160, 400_000, 900, 50, EVEN, 160, 160, 0, "", RAMP),
            result(Scenario.of(Mode.PER_REQUEST, Shape.SELECT), 160, 4_000, 60_000, 0, EVEN, 4_200, 158, 2,
                    "SQLException: FATAL: \"sorry\", too many clients, already", RAMP),
            result(Scenario.of(Mode.CONTEXT, Shape.SELECT), 8, 300_000, 1_000, 2_000, new Fairness(0, 1_800, 20_000, 0.40),
                    8, 8, 0, "", List.of(new ServerSampler.Sample(0, 0), new ServerSampler.Sample(100, 8))));

    private static ModeResult result(Scenario scenario, int limit, long requests, double p50Micros, double waitMicros,
                                     Fairness fairness, long connects, int peak, long errors, String error,
                                     List<ServerSampler.Sample> samples) {
        return new ModeResult(scenario, 160, limit, requests, 8.0,
                new ModeResult.Latency(p50Micros, p50Micros * 4, p50Micros * 8, p50Micros * 20, waitMicros), fairness,
                connects, peak, errors, error, samples);
    }

    @Test
    void csvHasOneRowPerScenarioWithFairnessAndTheErrorQuoted() {
        List<String> lines = Reports.csv(RESULTS).lines().toList();
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("shape,mode,release,threads,clients,max_connections,requests,seconds,"
                + "requests_per_second,p50_ms,p99_ms,p999_ms,max_ms,longest_wait_ms,client_min,client_median,client_max,jain"));
        assertEquals("select,thread,unit,platform,160,160,400000,8.000,50000.000,0.900,3.600,7.200,18.000,0.050,"
                + "2400,2500,2600,0.990,160,160,0,", lines.get(1));
        assertTrue(lines.get(2).endsWith(",2,\"SQLException: FATAL: \"\"sorry\"\", too many clients, already\""));
    }

    @Test
    void jsonCarriesEveryScenarioItsFairnessItsSeriesAndTheTargets() {
        String json = Reports.json(new RunInfo("embedded PostgreSQL", Options.defaults(), 2, 0.5, 1.5), RESULTS,
                TargetCheck.judge(RESULTS, Target.Kind.POSTGRESQL));
        assertTrue(json.contains("\"shape\": \"select\", \"mode\": \"per-request\", \"release\": \"unit\", "
                + "\"threads\": \"platform\""), json);
        assertTrue(json.contains("\"machine\": {\"cores\": 2, \"loadAverageBefore\": 0.500, \"loadAverageAfter\": 1.500}"), json);
        assertTrue(json.contains("\"serverConnections\": [[0,0],[100,80],[200,160]]"), json);
        assertTrue(json.contains("\"jvmWarmupSeconds\": 2.000, \"shapes\": [\"select\", \"steps\"], "
                + "\"releases\": [\"unit\", \"transaction\"], \"cap\": 8"), json);
        assertTrue(json.contains("\\\"sorry\\\""), json);
        assertTrue(json.contains("\"longestWaitMs\": 2.000, \"perClient\": {\"min\": 0, \"median\": 1800, "
                + "\"max\": 20000, \"jain\": 0.400}"), json);
        assertTrue(json.contains("{\"name\": \"select: context clients / cap\", \"goal\": \">= 20 with server peak <= cap "
                + "and no errors\", \"measured\": 20.000, \"met\": true}"), json);
        assertEquals(json.chars().filter(c -> c == '{').count(), json.chars().filter(c -> c == '}').count());
    }

    @Test
    void targetsAreRatiosInsideTheRun() {
        Map<String, TargetCheck> checks = checks(RESULTS);
        assertFalse(checks.containsKey("select: thread / per-request req/s"), "per-request had errors: rates not comparable");
        assertTrue(checks.get("select: context clients / cap").met());
        assertFalse(checks.containsKey("select: thread / hikari-platform req/s"), "hikari-platform did not run");
        assertFalse(checks.get("select: context Jain's index").met(), "0.40 is not fair");
        assertTrue(checks.get("select: thread Jain's index").met());
        List<ModeResult> clean = List.of(RESULTS.get(0), result(Scenario.of(Mode.PER_REQUEST, Shape.SELECT), 160, 4_000,
                60_000, 0, EVEN, 4_200, 158, 0, "", RAMP));
        TargetCheck perRequest = checks(clean).get("select: thread / per-request req/s");
        assertEquals(100.0, perRequest.measured(), 1e-9);
        assertTrue(perRequest.met());
        assertFalse(checks(clean, Target.Kind.MYSQL).containsKey("select: thread / per-request req/s"),
                "the 50x target is PostgreSQL's");
    }

    @Test
    void verdictsCompareEachTetherModeWithHikariOnTheSameKindOfThreadsOnly() {
        List<ModeResult> results = List.of(
                result(Scenario.of(Mode.THREAD, Shape.STEPS), 160, 100_000, 3_000, 0, EVEN, 160, 160, 0, "", RAMP),
                result(new Scenario(Mode.CONTEXT, Shape.STEPS, Release.TRANSACTION), 8, 60_000, 3_000, 4_000, EVEN, 8,
                        8, 0, "", RAMP),
                result(Scenario.of(Mode.HIKARI_PLATFORM, Shape.STEPS), 8, 50_000, 3_000, 1_000, EVEN, 8, 8, 0, "", RAMP),
                result(Scenario.of(Mode.HIKARI_VIRTUAL, Shape.STEPS), 8, 80_000, 3_000, 2_000, EVEN, 8, 8, 0, "", RAMP));
        Map<String, TargetCheck> checks = checks(results);
        assertEquals(2.0, checks.get("steps: thread / hikari-platform req/s").measured(), 1e-9);
        assertEquals(0.75, checks.get("steps: context release=transaction / hikari-virtual req/s").measured(), 1e-9);
        assertEquals(2.0, checks.get("steps: context release=transaction / hikari-virtual longest wait").measured(), 1e-9);
        assertFalse(checks.get("steps: context release=transaction / hikari-virtual longest wait").met());
        assertTrue(checks.keySet().stream().noneMatch(name -> name.contains("thread / hikari-virtual")
                || name.contains("context / hikari-platform") || name.contains("transaction / hikari-platform")),
                checks.keySet().toString());
        assertFalse(checks.containsKey("steps: context clients / cap"), "the connection bound is the select shape's");
    }

    @Test
    void withTooFewClientsForTheTwentyfoldTargetOnlyTheBoundIsJudged() {
        ModeResult context = new ModeResult(Scenario.of(Mode.CONTEXT, Shape.SELECT), 64, 8, 300_000, 8.0,
                new ModeResult.Latency(1_000, 5_000, 6_000, 9_000, 4_000), EVEN, 8, 9, 0, "", RAMP);
        TargetCheck bound = checks(List.of(context)).get("select: context server peak / cap");
        assertFalse(bound.met(), "9 server connections for a cap of 8");
    }

    @Test
    void tablesComeOnePerShapeWithTheThreadsEachModeRanOn() {
        List<ModeResult> both = new java.util.ArrayList<>(RESULTS);
        both.add(result(Scenario.of(Mode.HIKARI_VIRTUAL, Shape.STEPS), 8, 80_000, 3_000, 2_000, EVEN, 8, 8, 0, "", RAMP));
        String tables = Reports.tables(both);
        assertTrue(tables.startsWith("select shape:\nmode "), tables);
        assertTrue(tables.contains("\nsteps shape:\nmode "), tables);
        assertTrue(tables.lines().anyMatch(l -> l.startsWith("hikari-virtual   -           virtual")), tables);
        assertTrue(tables.lines().anyMatch(l -> l.startsWith("context          unit        virtual")
                && l.contains("0/1800/20000  0.40")), tables);
    }

    @Test
    void jainsIndexIsOneForEvenServiceAndOneOverNWhenOneClientDoesEverything() {
        assertEquals(new Fairness(5, 5, 5, 1.0), Fairness.of(new long[] {5, 5, 5, 5}));
        Fairness one = Fairness.of(new long[] {0, 0, 0, 100});
        assertEquals(0.25, one.jain(), 1e-9);
        assertEquals(0, one.min());
        assertEquals(0, one.median());
        assertEquals(100, one.max());
        assertEquals(3, Fairness.of(new long[] {9, 1, 3}).median());
        assertTrue(Double.isNaN(Fairness.of(new long[] {0, 0}).jain()), "nobody served: no index");
    }

    private static Map<String, TargetCheck> checks(List<ModeResult> results) {
        return checks(results, Target.Kind.POSTGRESQL);
    }

    private static Map<String, TargetCheck> checks(List<ModeResult> results, Target.Kind kind) {
        return TargetCheck.judge(results, kind).stream().collect(Collectors.toMap(TargetCheck::name, c -> c));
    }

    @Test
    void chartHasALineAndALegendPerSelectModeScaledToThePeak(@TempDir Path out) throws Exception {
        Options options = Options.parse("--out", out.toString());
        List<ModeResult> both = new java.util.ArrayList<>(RESULTS);
        both.add(result(Scenario.of(Mode.HIKARI_VIRTUAL, Shape.STEPS), 8, 80_000, 3_000, 2_000, EVEN, 8, 8, 0, "", RAMP));
        LoadDemo.write(new RunInfo("test", options, 2, 0, 0), both, TargetCheck.judge(both, Target.Kind.POSTGRESQL));
        String svg = Files.readString(out.resolve("load-connections.svg"));
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertEquals(3, svg.split("<polyline", -1).length - 1);
        for (String label : List.of("thread", "per-request", "context")) {
            assertTrue(svg.contains(">" + label + "</text>"), label);
        }
        assertTrue(svg.contains(">200</text>"), "the y axis ends at 200 for a peak of 160");
        assertTrue(svg.endsWith("</svg>\n"));
        assertFalse(svg.contains(">hikari-virtual</text>"), "the steps shape is not on the connections chart");
        assertTrue(Files.readString(out.resolve("load-connections.csv")).contains("select,context,unit,100,8"));
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
