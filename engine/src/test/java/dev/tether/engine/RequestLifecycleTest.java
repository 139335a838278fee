package dev.tether.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.ContextStorage;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.DatabaseWrapper;
import dev.tether.api.Persistence;
import dev.tether.api.Ticker;
import dev.tether.testing.fake.AdapterLikeStorage;
import dev.tether.testing.fake.FakeConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Django's rules at the request boundaries, as scenarios: open, use, fail, advance time, end the request, observe. */
class RequestLifecycleTest {

    @Test
    void firstUseOpensTheConnectionAndSignalsCreatedOnce() throws SQLException {
        try (Scenario s = Scenario.maxAge(Duration.ofSeconds(60))) {
            s.tether.requestStarted();
            assertEquals(0, s.backend.opened(), "nothing opens before first use");
            s.query("select 1");
            s.query("select 2");
            s.tether.requestFinished();
            s.request("select 3");
            assertEquals(1, s.backend.opened());
            assertEquals(1, s.signals.count("created"));
            assertEquals(List.of("select 1", "select 2", "select 3"), s.current().executed);
        }
    }

    @Test
    void maxAgeZeroClosesAtTheEndOfEveryRequest() throws SQLException {
        try (Scenario s = Scenario.maxAge(Duration.ZERO)) {
            s.request("select 1");
            FakeConnection first = s.current();
            assertTrue(first.closed);
            s.request("select 1");
            assertEquals(2, s.backend.opened());
            assertEquals(2, s.signals.count("closed"));
            assertTrue(s.signals.events.contains("closed #1 MAX_AGE"));
        }
    }

    @Test
    void onTheSystemClockMaxAgeZeroStillClosesAtEveryRequestEnd() throws SQLException {
        // The hot path reads the engine's clock, 5 ms coarse: a request shorter than that must not outlive max age 0.
        try (Scenario s = new Scenario(b -> b.maxAge(Duration.ZERO), e -> e.ticker(Ticker.SYSTEM))) {
            for (int i = 1; i <= 50; i++) {
                s.request("select 1");
                assertTrue(s.current().closed, "request " + i + "'s connection closed at its end");
            }
            assertEquals(50, s.backend.opened());
        }
    }

    @Test
    void connectionIsReusedUntilItsMaxAgeThenReplacedAtTheNextBoundary() throws SQLException {
        try (Scenario s = Scenario.maxAge(Duration.ofSeconds(60))) {
            s.request("select 1");
            s.advance(Duration.ofSeconds(59));
            s.request("select 2");
            assertEquals(1, s.backend.opened());
            s.advance(Duration.ofSeconds(1));
            s.tether.requestStarted(); // the start boundary retires it too
            assertTrue(s.backend.connections.getFirst().closed);
            s.query("select 3");
            s.tether.requestFinished();
            assertEquals(2, s.backend.opened());
        }
    }

    @Test
    void expiryDuringARequestTakesEffectAtItsEndNotInTheMiddle() throws SQLException {
        try (Scenario s = Scenario.maxAge(Duration.ofSeconds(10))) {
            s.tether.requestStarted();
            s.query("select 1");
            s.advance(Duration.ofSeconds(30));
            s.query("select 2");
            assertEquals(1, s.backend.opened(), "an expired connection serves the rest of its request");
            s.tether.requestFinished();
            assertTrue(s.current().closed);
        }
    }

    @Test
    void unlimitedMaxAgeNeverAges() throws SQLException {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            s.request("select 1");
            s.advance(Duration.ofDays(365 * 100));
            s.request("select 2");
            assertEquals(1, s.backend.opened());
            assertTrue(s.tether.wrapper("default").closeAt().isEmpty());
        }
    }

    @Test
    void connectionOpenedOutsideARequestWithMaxAgeZeroClosesAtTheNextRequestStart() throws SQLException {
        try (Scenario s = Scenario.maxAge(Duration.ZERO)) {
            s.query("select 1");
            assertFalse(s.current().closed, "no request has ended yet");
            s.tether.requestStarted();
            assertTrue(s.current().closed);
            s.tether.requestFinished();
        }
    }

    @Test
    void closeAtIsFixedWhenTheConnectionOpens() throws SQLException {
        try (Scenario s = Scenario.maxAge(Duration.ofSeconds(60))) {
            long opened = s.clock.nanos();
            s.tether.wrapper("default").ensureConnection();
            assertEquals(opened + Duration.ofSeconds(60).toNanos(), s.tether.wrapper("default").closeAt().orElseThrow());
        }
    }

    @Test
    void autocommitLeftChangedDropsTheConnectionAtTheBoundary() throws SQLException {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            s.tether.requestStarted();
            try (Connection c = s.tether.connection("default")) {
                c.setAutoCommit(false);
            }
            s.tether.requestFinished();
            assertTrue(s.current().closed);
            assertTrue(s.signals.events.contains("closed #1 AUTOCOMMIT_CHANGED"));
        }
    }

    @Test
    void autocommitRestoredBeforeTheBoundaryKeepsTheConnection() throws SQLException {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            s.tether.requestStarted();
            DatabaseWrapper wrapper = s.tether.wrapper("default");
            wrapper.setAutocommit(false);
            s.query("insert 1");
            wrapper.commit();
            wrapper.setAutocommit(true);
            s.tether.requestFinished();
            assertFalse(s.current().closed);
            assertTrue(s.current().uncommitted.isEmpty(), "the work was committed");
        }
    }

    @Test
    void autocommitFalseSettingIsAppliedAndKept() throws SQLException {
        try (Scenario s = new Scenario(b -> b.maxAge(DatabaseSettings.UNLIMITED).autocommit(false))) {
            s.tether.requestStarted();
            assertFalse(s.tether.wrapper("default").getAutocommit());
            s.tether.requestFinished();
            s.request("select 1");
            assertEquals(1, s.backend.opened());
            assertFalse(s.current().autocommit);
        }
    }

    @Test
    void dataAndIntegrityErrorsKeepTheConnectionWithoutACheck() throws SQLException {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            s.tether.requestStarted();
            assertThrows(SQLException.class, () -> s.query("fail 22012"));
            assertThrows(SQLException.class, () -> s.query("fail 23505"));
            assertFalse(s.tether.wrapper("default").errorsOccurred());
            s.tether.requestFinished();
            assertEquals(0, s.backend.pings.get());
            s.request("select 1");
            assertEquals(1, s.backend.opened());
        }
    }

    @Test
    void otherErrorOnAUsableConnectionIsCheckedAtTheBoundaryAndKept() throws SQLException {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            s.tether.requestStarted();
            assertThrows(SQLException.class, () -> s.query("fail 42601"));
            assertTrue(s.tether.wrapper("default").errorsOccurred());
            s.tether.requestFinished();
            assertEquals(1, s.backend.pings.get());
            assertFalse(s.tether.wrapper("default").errorsOccurred(), "a passing check clears the flag");
            s.request("select 1");
            assertEquals(1, s.backend.opened());
            assertEquals(1, s.backend.pings.get(), "no further checks once the flag is cleared");
        }
    }

    @Test
    void otherErrorOnADeadConnectionClosesItAtTheBoundarySoOnlyOneRequestFails() throws SQLException {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            s.request("select 1");
            s.tether.requestStarted();
            assertThrows(SQLException.class, () -> s.query("fail 42601"));
            s.current().kill();
            s.tether.requestFinished();
            assertTrue(s.current().closed);
            assertTrue(s.signals.events.contains("closed #1 ERROR"));
            s.request("select 2");
            assertEquals(2, s.backend.opened());
        }
    }

    @Test
    void brokenConnectionIsClosedAtTheBoundaryWithoutACheck() throws SQLException {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            s.tether.requestStarted();
            s.query("select 1");
            s.current().kill();
            assertThrows(SQLException.class, () -> s.query("select 2"));
            s.tether.requestFinished();
            assertEquals(0, s.backend.pings.get());
            assertTrue(s.signals.events.contains("closed #1 BROKEN"));
            s.request("select 3");
            assertEquals(2, s.backend.opened());
        }
    }

    @Test
    void commitAndRollbackClearErrorsOccurred() throws SQLException {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            DatabaseWrapper wrapper = s.tether.wrapper("default");
            s.tether.requestStarted();
            wrapper.setAutocommit(false);
            assertThrows(SQLException.class, () -> s.query("fail 42601"));
            assertTrue(wrapper.errorsOccurred());
            wrapper.rollback();
            assertFalse(wrapper.errorsOccurred());
            assertThrows(SQLException.class, () -> s.query("fail 42601"));
            wrapper.commit();
            assertFalse(wrapper.errorsOccurred());
            wrapper.setAutocommit(true);
            s.tether.requestFinished();
            assertEquals(0, s.backend.pings.get());
        }
    }

    @Test
    void transientErrorsKeepTheConnection() throws SQLException {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            s.tether.requestStarted();
            assertThrows(SQLException.class, () -> s.query("fail 40001"));
            assertFalse(s.tether.wrapper("default").errorsOccurred());
            s.tether.requestFinished();
            assertFalse(s.current().closed);
        }
    }

    @Test
    void closeIfUnusableOrObsoleteCanBeCalledDirectly() throws SQLException {
        try (Scenario s = Scenario.maxAge(Duration.ofSeconds(5))) {
            DatabaseWrapper wrapper = s.tether.wrapper("default");
            wrapper.ensureConnection();
            wrapper.closeIfUnusableOrObsolete();
            assertTrue(wrapper.isConnected());
            s.advance(Duration.ofSeconds(5));
            wrapper.closeIfUnusableOrObsolete();
            assertFalse(wrapper.isConnected());
        }
    }

    @Test
    void closeClosesThePhysicalConnectionAndTheNextUseOpensANewOne() throws SQLException {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            s.query("select 1");
            s.tether.wrapper("default").close();
            assertTrue(s.current().closed);
            assertTrue(s.signals.events.contains("closed #1 CLOSED_BY_APPLICATION"));
            s.query("select 2");
            assertEquals(2, s.backend.opened());
        }
    }

    @Test
    void requestStartedAndFinishedAreSignalled() throws SQLException {
        try (Scenario s = Scenario.maxAge(Duration.ofSeconds(60))) {
            s.request("select 1");
            assertEquals(List.of("started", "created #1", "finished"), s.signals.events);
        }
    }

    @Test
    void eachThreadGetsItsOwnWrapperAndConnection() throws Exception {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            DatabaseWrapper mine = s.tether.wrapper("default");
            assertSame(mine, s.tether.wrapper("default"));
            DatabaseWrapper[] other = new DatabaseWrapper[1];
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            Thread thread = Thread.ofPlatform().start(() -> {
                other[0] = s.tether.wrapper("default");
                try {
                    s.request("select 1");
                    done.await();
                } catch (SQLException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            while (s.backend.opened() == 0 || s.tether.stats("default").parked() == 0) {
                Thread.onSpinWait();
            }
            s.request("select 2");
            done.countDown();
            thread.join();
            assertFalse(mine == other[0]);
            assertEquals(2, s.backend.opened());
        }
    }

    @Test
    void jitterOffGivesExactlyTheMaxAgeAndJitterOnShortensItWithinBounds() throws SQLException {
        try (Scenario exact = Scenario.maxAge(Duration.ofSeconds(100));
             Scenario spread = new Scenario(b -> b.maxAge(Duration.ofSeconds(100)).maxAgeJitter(0.2))) {
            exact.tether.wrapper("default").ensureConnection();
            assertEquals(exact.clock.nanos() + Duration.ofSeconds(100).toNanos(),
                    exact.tether.wrapper("default").closeAt().orElseThrow());
            long[] seen = new long[50];
            for (int i = 0; i < seen.length; i++) {
                DatabaseWrapper wrapper = spread.tether.wrapper("default");
                wrapper.ensureConnection();
                seen[i] = wrapper.closeAt().orElseThrow() - spread.clock.nanos();
                wrapper.close();
            }
            for (long lifetime : seen) {
                assertTrue(lifetime <= Duration.ofSeconds(100).toNanos() && lifetime >= Duration.ofSeconds(80).toNanos(),
                        "lifetime " + lifetime);
            }
            assertTrue(java.util.Arrays.stream(seen).distinct().count() > 1, "jitter spreads close times");
        }
    }

    @Test
    void aBrokenConnectionIsDroppedEvenAfterARollbackClearedTheErrorFlag() throws SQLException {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            s.tether.requestStarted();
            s.query("select 1");
            s.current().kill();
            assertThrows(SQLException.class, () -> s.query("select 2"));
            s.tether.wrapper("default").rollback();
            s.tether.requestFinished();
            assertTrue(s.signals.events.contains("closed #1 BROKEN"));
            s.request("select 3");
            assertEquals(2, s.backend.opened());
        }
    }

    @Test
    void aTransactionLeftOpenWithAutocommitOffIsRolledBackAndReportedBeforeTheConnectionIsDropped() throws Exception {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            s.tether.requestStarted();
            try (Connection c = s.tether.connection("default")) {
                c.setAutoCommit(false);
                c.createStatement().execute("insert 1");
            }
            s.tether.requestFinished();
            int rolledBack = s.signals.events.indexOf("rolled back #1");
            int closed = s.signals.events.indexOf("closed #1 AUTOCOMMIT_CHANGED");
            assertTrue(rolledBack >= 0 && closed > rolledBack, s.signals.events.toString());
            assertTrue(s.current().uncommitted.isEmpty());
        }
    }

    @Test
    void withAnAdaptersStorageAThreadThatDiedHoldingAHandleGivesItsSlotBack() throws Exception {
        ContextStorage perThreadButNotThreads = new AdapterLikeStorage(true);
        try (Scenario s = new Scenario(b -> b.persistence(Persistence.CONTEXT).maxConnections(1)
                .acquireTimeout(Duration.ofMillis(200)).maxAge(DatabaseSettings.UNLIMITED),
                e -> e.contextStorage(perThreadButNotThreads))) {
            Thread.ofPlatform().start(() -> {
                try {
                    s.tether.begin(); // never closed: the thread dies holding its connection
                    s.tether.connection("default").createStatement().execute("select 1");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).join();
            s.tether.reap();
            s.requestOnAnotherThread("select 2");
            assertEquals(1, s.backend.opened(), "its slot and connection came back");
        }
    }
    @Test
    void onAnEventLoopACleanConnectionIsBackWhenTheUnitEndsAndOneToRollBackIsSettledOnAnotherThread() throws Exception {
        try (Scenario s = new Scenario(b -> b.persistence(Persistence.CONTEXT).maxAge(DatabaseSettings.UNLIMITED),
                e -> e.contextStorage(AdapterLikeStorage.onEventLoop()))) {
            s.request("select 1");
            assertEquals(1, s.tether.stats("default").reservoir(), "given back before requestFinished returned");

            s.tether.requestStarted();
            s.query("begin");
            s.query("insert 1");
            s.tether.requestFinished();
            s.awaitQuiet();
            assertEquals(1, s.current().rollbacks);
            assertTrue(s.current().rolledBackBy != Thread.currentThread(), "the rollback ran off the event loop");
            s.request("select 2");
            assertEquals(1, s.backend.opened(), "one connection served all three requests");
        }
    }

    @Test
    void onAnEventLoopAUnitEndingWhileAStatementRunsDoesNotWaitForIt() throws Exception {
        try (Scenario s = new Scenario(b -> b.persistence(Persistence.CONTEXT).maxAge(DatabaseSettings.UNLIMITED),
                e -> e.contextStorage(AdapterLikeStorage.onEventLoop()))) {
            s.tether.requestStarted();
            Connection c = s.tether.connection("default");
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try (Statement statement = c.createStatement()) {
                    statement.execute("sleep 2000");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            s.awaitStatementRunning();
            s.tether.requestFinished();
            assertFalse(running.isDone(), "requestFinished returned while the statement still ran");
            running.get(10, TimeUnit.SECONDS);
            s.awaitQuiet();
            assertEquals(1, s.tether.stats("default").reservoir(), "settled once the statement returned");
        }
    }
}
