package dev.tether.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.CloseReason;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.PoolObserver;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a pool observer (the metrics module's input) hears, on the test clock. */
class PoolObserverTest {

    /** Every call as a line, durations in milliseconds of the test clock. */
    private static final class Heard implements PoolObserver {
        final List<String> lines = new CopyOnWriteArrayList<>();

        private static long ms(long nanos) {
            return TimeUnit.NANOSECONDS.toMillis(nanos);
        }

        @Override
        public void connectionOpened(String alias, long nanos) {
            lines.add("opened " + alias + " " + ms(nanos));
        }

        @Override
        public void connectionAcquired(String alias, long nanos) {
            lines.add("acquired " + alias + " " + ms(nanos));
        }

        @Override
        public void connectionReleased(String alias, long nanos) {
            lines.add("released " + alias + " " + ms(nanos));
        }

        @Override
        public void acquireTimedOut(String alias) {
            lines.add("timeout " + alias);
        }

        @Override
        public void connectionClosed(String alias, CloseReason reason) {
            lines.add("closed " + alias + " " + reason);
        }

        @Override
        public void transactionRolledBack(String alias) {
            lines.add("rolled back " + alias);
        }

        @Override
        public void healthChecked(String alias, boolean usable, long nanos) {
            lines.add("health check " + alias + " " + usable);
        }
    }

    @Test
    void useTimeIsMeasuredFromTakingToLettingGoAndAParkedConnectionIsReacquiredWithNoWait() throws Exception {
        try (Scenario s = new Scenario(b -> b.maxAge(DatabaseSettings.UNLIMITED))) {
            Heard heard = new Heard();
            s.tether.observe(heard);
            s.tether.requestStarted();
            s.query("select 1");
            s.advance(Duration.ofMillis(250));
            s.tether.requestFinished();
            s.request("select 2"); // its own parked connection: no wait, nothing opened
            assertEquals(List.of("opened default 0", "acquired default 0", "released default 250",
                    "acquired default 0", "released default 0"), heard.lines);
        }
    }

    @Test
    void closesRollbacksAndHealthChecksAreReportedWithTheirOutcome() throws Exception {
        try (Scenario s = new Scenario(b -> b.maxAge(DatabaseSettings.UNLIMITED).healthChecks(true))) {
            Heard heard = new Heard();
            s.tether.observe(heard);
            s.request("select 0");
            s.request("select 1"); // pinged: usable
            s.current().kill();
            s.request("select 2"); // pinged: dead, closed, replaced
            assertTrue(heard.lines.contains("health check default true"), heard.lines.toString());
            assertTrue(heard.lines.contains("health check default false"), heard.lines.toString());
            assertTrue(heard.lines.contains("closed default HEALTH_CHECK"), heard.lines.toString());
            s.tether.requestStarted();
            s.query("begin"); // a transaction opened with SQL
            s.tether.requestFinished();
            assertTrue(heard.lines.contains("rolled back default"), heard.lines.toString());
        }
    }

    @Test
    void aTimeoutAtTheCapIsReported() throws Exception {
        try (Scenario s = new Scenario(b -> b.maxConnections(1).acquireTimeout(Duration.ofMillis(20)))) {
            Heard heard = new Heard();
            s.tether.observe(heard);
            try (var unit = s.tether.begin(); Connection held = s.tether.connection("default")) {
                ExecutionException failed = assertThrows(ExecutionException.class, () -> s.requestOnAnotherThread("select 1"));
                assertTrue(failed.getCause() instanceof SQLTransientConnectionException, failed.toString());
            }
            assertEquals(1, heard.lines.stream().filter(l -> l.equals("timeout default")).count(), heard.lines.toString());
        }
    }

    @Test
    void aRemovedObserverHearsNothingMore() throws Exception {
        try (Scenario s = new Scenario(b -> b.maxAge(DatabaseSettings.UNLIMITED))) {
            Heard heard = new Heard();
            AutoCloseable handle = s.tether.observe(heard);
            s.request("select 1");
            handle.close();
            int before = heard.lines.size();
            s.request("select 2");
            assertEquals(before, heard.lines.size());
        }
    }
}
