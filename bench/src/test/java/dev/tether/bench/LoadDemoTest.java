package dev.tether.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole demo, briefly, on a real PostgreSQL ({@link BenchPostgres}): every scenario runs without errors and
 * reports consistent figures. How evenly clients are served is what the demo measures, so it is not asserted.
 */
class LoadDemoTest {

    @Test
    void everyScenarioOfBothShapesRunsWithoutErrorsAndReportsItsFigures(@TempDir Path out) throws Exception {
        Options options = Options.parse("--clients", "4", "--cap", "2", "--duration", "400ms", "--warmup", "100ms",
                "--jvm-warmup", "0", "--steps", "2", "--work", "1ms", "--out", out.toString());
        try (BenchPostgres postgres = BenchPostgres.open()) {
            LoadDemo.run(options, postgres.target());
        }
        List<String> lines = Files.readAllLines(out.resolve("load.csv"));
        List<String> header = Arrays.asList(lines.getFirst().split(","));
        List<Map<String, String>> rows = lines.stream().skip(1).map(line -> {
            String[] cells = line.split(",", -1);
            return header.stream().collect(Collectors.toMap(Function.identity(), h -> cells[header.indexOf(h)]));
        }).toList();
        assertEquals(List.of("select raw -", "select per-request unit", "select thread unit",
                        "select hikari-platform -", "select context unit", "select hikari-virtual -",
                        "steps thread unit", "steps thread transaction", "steps hikari-platform -", "steps context unit",
                        "steps context transaction", "steps hikari-virtual -"),
                rows.stream().map(r -> r.get("shape") + " " + r.get("mode") + " " + r.get("release")).toList());
        for (Map<String, String> row : rows) {
            String name = row.get("shape") + " " + row.get("mode") + " " + row.get("release");
            assertEquals("0", row.get("errors"), name + ": " + row.get("first_error"));
            assertTrue(Long.parseLong(row.get("requests")) > 0, name + ": no request completed");
            long min = Long.parseLong(row.get("client_min"));
            long median = Long.parseLong(row.get("client_median"));
            long max = Long.parseLong(row.get("client_max"));
            assertTrue(min <= median && median <= max && max > 0, name + ": per client " + min + "/" + median + "/" + max);
            // between 1/n (one client did everything) and 1 (all alike), n = 4 clients
            double jain = Double.parseDouble(row.get("jain"));
            assertTrue(jain >= 0.25 && jain <= 1.0, name + ": Jain's index " + jain);
            assertTrue(Double.parseDouble(row.get("max_ms")) >= Double.parseDouble(row.get("p999_ms")), name);
            assertEquals(row.get("mode").equals("context") || row.get("mode").startsWith("hikari") ? "2" : "4",
                    row.get("max_connections"), name);
            if (row.get("shape").equals("steps")) {
                // two steps with 1 ms of other work between them: no request can be faster than that
                assertTrue(Double.parseDouble(row.get("p50_ms")) >= 1.0, name + ": p50 " + row.get("p50_ms"));
            }
        }
    }
}
