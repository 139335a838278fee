package dev.tether.it.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.UnitOfWork;
import dev.tether.engine.Tether;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flight recording of a load run on a real PostgreSQL holds every Tether event, with plausible durations; one with
 * the JDK's default settings holds none per request.
 */
class FlightRecorderTest {
    private static final List<String> EVENTS = List.of("dev.tether.ConnectionAcquired", "dev.tether.ConnectionReleased",
            "dev.tether.ConnectionOpened", "dev.tether.ConnectionClosed", "dev.tether.HealthCheck",
            "dev.tether.TransactionRolledBack", "dev.tether.AcquireTimeout", "dev.tether.ConnectionLeak",
            "dev.tether.Pool");

    @TempDir
    Path dir;

    @Test
    void aRecordedLoadRunHoldsEveryTetherEventWithPlausibleDurations() throws Exception {
        Server server = Servers.postgres();
        Path file = dir.resolve("tether.jfr");
        try (Recording recording = new Recording()) {
            EVENTS.forEach(name -> recording.enable(name).withThreshold(Duration.ZERO));
            recording.enable("dev.tether.Pool").withPeriod(Duration.ofMillis(100));
            recording.start();
            run(server);
            recording.stop();
            recording.dump(file);
        }
        Map<String, List<RecordedEvent>> byType = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().startsWith("dev.tether."))
                .collect(Collectors.groupingBy(e -> e.getEventType().getName()));
        for (String name : EVENTS) {
            assertTrue(byType.containsKey(name), name + " missing; recorded " + byType.keySet());
        }
        Duration timeout = Duration.ofMillis(300);
        List<RecordedEvent> acquired = byType.get("dev.tether.ConnectionAcquired");
        assertTrue(acquired.stream().allMatch(e -> e.getDuration().compareTo(timeout.plusSeconds(2)) < 0
                && e.getString("alias").equals("default") && e.getString("holder") != null), acquired.toString());
        assertTrue(acquired.stream().anyMatch(e -> e.getDuration().toMillis() >= 10),
                "a waiter at the cap waited, and its event says so");
        assertTrue(byType.get("dev.tether.ConnectionOpened").stream()
                .allMatch(e -> e.getDuration().toNanos() > 0 && e.getDuration().toSeconds() < 10));
        assertTrue(byType.get("dev.tether.ConnectionReleased").stream()
                .anyMatch(e -> e.getDuration("useTime").toMillis() >= 400), "the holders in the timeout scene used theirs ~0.6 s");
        assertTrue(byType.get("dev.tether.HealthCheck").stream().allMatch(e -> e.getBoolean("usable")
                && e.getDuration().toNanos() > 0));
        assertTrue(byType.get("dev.tether.ConnectionClosed").stream().anyMatch(e -> e.getString("reason").equals("SHUTDOWN")));
        RecordedEvent timedOut = byType.get("dev.tether.AcquireTimeout").getFirst();
        assertNotNull(timedOut.getStackTrace(), "a timeout carries the waiting caller's stack");
        assertEquals(2, timedOut.getInt("cap"));
        RecordedEvent leak = byType.get("dev.tether.ConnectionLeak").getFirst();
        assertTrue(leak.getString("acquiredAt").contains(FlightRecorderTest.class.getName()), leak.getString("acquiredAt"));
        // Other tests' engines may still be open in this JVM: look at this one's alias and cap.
        assertTrue(byType.get("dev.tether.Pool").stream().anyMatch(e -> e.getString("alias").equals("default")
                && e.getInt("cap") == 2 && e.getInt("open") <= 2), byType.get("dev.tether.Pool").toString());
        assertTrue(byType.get("dev.tether.ConnectionAcquired").stream().allMatch(e -> e.getStackTrace() == null),
                "stack traces only on leak and timeout events");
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void aRecordingWithTheJdksDefaultSettingsRecordsOnlySlowAcquiresAndNoRelease() throws Exception {
        Server server = Servers.postgres();
        String url = "postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + server.database()
                + "?conn_max_age=60&max_connections=1&persistence=context";
        Path file = dir.resolve("default.jfr");
        try (Recording recording = new Recording(Configuration.getConfiguration("default"))) {
            recording.start();
            try (Tether tether = Tether.builder().databaseUrl("default", url).build();
                 ExecutorService threads = Executors.newFixedThreadPool(1)) {
                for (int i = 0; i < 50; i++) {
                    request(tether, "SELECT 1");
                }
                CountDownLatch holding = new CountDownLatch(1);
                Future<?> holder = threads.submit(() -> {
                    try (UnitOfWork unit = tether.begin(); Connection c = tether.connection("default");
                         Statement s = c.createStatement()) {
                        holding.countDown();
                        s.execute("SELECT pg_sleep(0.2)"); // the next caller waits for it at the cap of one
                    }
                    return null;
                });
                holding.await();
                request(tether, "SELECT 2");
                holder.get();
            }
            recording.stop();
            recording.dump(file);
        }
        Map<String, List<RecordedEvent>> byType = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().startsWith("dev.tether."))
                .filter(e -> !e.hasField("alias") || "default".equals(e.getString("alias")))
                .collect(Collectors.groupingBy(e -> e.getEventType().getName()));
        List<RecordedEvent> acquired = byType.getOrDefault("dev.tether.ConnectionAcquired", List.of());
        assertTrue(acquired.size() <= 2 && acquired.stream().allMatch(e -> e.getDuration().toMillis() >= 20),
                "of 52 acquires, only the slow ones: the one that connected, if it took 20 ms, and the waiter: " + acquired);
        assertTrue(acquired.stream().anyMatch(e -> e.getDuration().toMillis() >= 150), "the waiter's: " + acquired);
        assertFalse(byType.containsKey("dev.tether.ConnectionReleased"), "one per request: off unless enabled");
        assertTrue(byType.containsKey("dev.tether.ConnectionOpened"), "the rare events stay on: " + byType.keySet());
    }

    /** Load at the cap, a rollback, health checks on reuse, a timeout while two holders sit past the leak threshold. */
    private static void run(Server server) throws Exception {
        String url = "postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + server.database()
                + "?conn_max_age=60&health_checks=true&max_connections=2&acquire_timeout=300ms&persistence=context"
                + "&leak_detection_threshold=200ms";
        try (Tether tether = Tether.builder().databaseUrl("default", url).build();
             ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<?>> load = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                load.add(threads.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        request(tether, "SELECT pg_sleep(0.002)");
                    }
                    return null;
                }));
            }
            for (Future<?> f : load) {
                f.get();
            }
            try (UnitOfWork unit = tether.begin(); Connection c = tether.connection("default");
                 Statement s = c.createStatement()) {
                s.execute("BEGIN"); // left open: rolled back at the unit's end
            }
            CountDownLatch holding = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            for (int t = 0; t < 2; t++) {
                threads.submit(() -> {
                    try (UnitOfWork unit = tether.begin(); Connection c = tether.connection("default")) {
                        holding.countDown();
                        release.await();
                    }
                    return null;
                });
            }
            holding.await();
            try (UnitOfWork unit = tether.begin()) {
                tether.connection("default").close();
                throw new AssertionError("no connection should be free at the cap");
            } catch (SQLException expected) {
                // the timeout this scene is for
            }
            Thread.sleep(300); // the holders stay past LEAK_DETECTION_THRESHOLD; the reaper checks every 100 ms
            release.countDown();
        }
    }

    private static void request(Tether tether, String sql) throws SQLException {
        try (UnitOfWork unit = tether.begin(); Connection c = tether.connection("default");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
