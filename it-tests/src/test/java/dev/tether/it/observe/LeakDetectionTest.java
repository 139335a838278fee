package dev.tether.it.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.UnitOfWork;
import dev.tether.engine.Tether;
import dev.tether.it.LogCapture;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.Servers;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** LEAK_DETECTION_THRESHOLD on a real PostgreSQL: one warning with the acquiring stack, one follow-up. */
class LeakDetectionTest {

    @Test
    void aConnectionHeldPastTheThresholdIsReportedOnceWithItsStackAndAgainWhenItComesBack() throws Exception {
        Server server = Servers.postgres();
        String url = "postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + server.database()
                + "?conn_max_age=60&leak_detection_threshold=200ms";
        Predicate<String> warning = line -> line.startsWith("WARNING") && line.contains("has been in use");
        Predicate<String> followUp = line -> line.startsWith("WARNING") && line.contains("came back");
        try (LogCapture log = new LogCapture(); Tether tether = Tether.builder().databaseUrl("default", url).build()) {
            Thread leaky = Thread.ofPlatform().name("leaky").start(() -> {
                try (UnitOfWork unit = tether.begin(); Connection c = tether.connection("default")) {
                    awaitLine(log, warning);
                    // Several more reaper passes (every 100 ms here) while still held: no second warning.
                    Thread.sleep(400);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            leaky.join();
            awaitLine(log, followUp);
            List<String> lines = log.lines();
            assertEquals(1, lines.stream().filter(warning).count(), lines.toString());
            assertEquals(1, lines.stream().filter(followUp).count(), lines.toString());
            String reported = lines.stream().filter(warning).findFirst().orElseThrow();
            assertTrue(reported.contains("[default] connection #1 has been in use by thread 'leaky'"), reported);
            assertTrue(reported.contains("LEAK_DETECTION_THRESHOLD (200 ms)"), reported);
            Throwable stack = log.thrown().getFirst();
            assertTrue(Arrays.stream(stack.getStackTrace()).anyMatch(frame -> frame.getClassName()
                    .startsWith(LeakDetectionTest.class.getName())), "the stack is where the connection was taken");
        }
    }

    @Test
    void nothingIsReportedWhenTheThresholdIsOff() throws Exception {
        Server server = Servers.postgres();
        String url = "postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + server.database();
        try (LogCapture log = new LogCapture();
             Tether tether = Tether.builder().databaseUrl("default", url).reaperPeriod(java.time.Duration.ofMillis(50)).build()) {
            try (UnitOfWork unit = tether.begin(); Connection c = tether.connection("default")) {
                Thread.sleep(300);
            }
            assertTrue(log.lines().stream().noneMatch(line -> line.contains("leak")), log.lines().toString());
        }
    }

    private static void awaitLine(LogCapture log, Predicate<String> wanted) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (log.lines().stream().noneMatch(wanted)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no such line within 10 s; lines: " + log.lines());
            }
            LockSupport.parkNanos(10_000_000);
        }
    }
}
