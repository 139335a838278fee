package dev.tether.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcSuiteTest {
    private static final List<JdbcSuite.Row> ROWS = List.of(
            new JdbcSuite.Row("ConnectionBench.cycleConnection", "hikari", 1, 10.0, 0.25, 56),
            new JdbcSuite.Row("ConnectionBench.cycleConnection", "tether-context", 8, 16.0, 1.5, Double.NaN));

    @Test
    void aThreadsTimePerOperationIsTheThreadCountOverTheThroughput() {
        assertEquals(100.0, ROWS.get(0).nanosPerOp(), 1e-9);
        assertEquals(500.0, ROWS.get(1).nanosPerOp(), 1e-9, "8 threads sharing 16 ops/us: 500 ns each");
    }

    @Test
    void theTableAndCsvShowBytesOnlyWhenTheGcProfilerRan() {
        List<String> table = JdbcSuite.table(ROWS).lines().toList();
        assertEquals("ConnectionBench.cycleConnection    hikari                1       10.000      0.250      100.0         56",
                table.get(1));
        assertEquals("-", table.get(2).substring(table.get(2).length() - 1));
        assertEquals(List.of("benchmark,pool,threads,ops_per_us,error,ns_per_op,bytes_per_op",
                        "ConnectionBench.cycleConnection,hikari,1,10.0000,0.2500,100.00,56.0",
                        "ConnectionBench.cycleConnection,tether-context,8,16.0000,1.5000,500.00,"),
                JdbcSuite.csv(ROWS).lines().toList());
    }
}
