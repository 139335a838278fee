package dev.tether.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.ContextStorage;
import dev.tether.api.ConfigurationException;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.api.PoolStats;
import dev.tether.testing.fake.AdapterLikeStorage;
import dev.tether.api.Release;
import dev.tether.api.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Owner, parked, reservoir: the cap, reclaiming, the reaper and shutdown. */
class CapAndReservoirTest {

    private static Scenario capped(Persistence persistence, int cap, Duration acquireTimeout) {
        return new Scenario(b -> b.persistence(persistence).maxConnections(cap).acquireTimeout(acquireTimeout)
                .maxAge(DatabaseSettings.UNLIMITED));
    }

    @Test
    void contextPersistenceReturnsConnectionsToTheReservoirForTheNextContext() throws Exception {
        try (Scenario s = capped(Persistence.CONTEXT, 4, Duration.ofSeconds(5))) {
            for (int i = 0; i < 20; i++) {
                s.tether.inContext(() -> {
                    s.query("select 1");
                    return null;
                });
            }
            PoolStats stats = s.tether.stats("default");
            assertEquals(1, stats.opened());
            assertEquals(1, stats.reservoir());
            assertEquals(0, stats.inUse());
        }
    }

    @Test
    void aContextKeepsOneConnectionForItsWholeUnitHoweverOftenHandlesClose() throws Exception {
        try (Scenario s = capped(Persistence.CONTEXT, 2, Duration.ofSeconds(5))) {
            s.tether.inContext(() -> {
                s.query("select 1");
                s.query("select 2");
                assertEquals(1, s.tether.stats("default").inUse(), "kept between handles: one session per unit");
                s.requestOnAnotherThread("select 3");
                assertEquals(2, s.backend.opened(), "another request cannot take it meanwhile");
                return null;
            });
            assertEquals(List.of("select 1", "select 2"), s.backend.connections.getFirst().executed);
            assertEquals(0, s.tether.stats("default").inUse());
        }
    }

    @Test
    void releaseTransactionHandsTheConnectionBackWhenItsLastHandleClosesOutsideATransaction() throws Exception {
        try (Scenario s = new Scenario(b -> b.persistence(Persistence.CONTEXT).maxConnections(1)
                .maxAge(DatabaseSettings.UNLIMITED).release(Release.TRANSACTION))) {
            s.tether.inContext(() -> {
                s.query("select 1");
                assertEquals(1, s.tether.stats("default").reservoir(), "released while the context goes on");
                try (Connection c = s.tether.connection("default")) {
                    c.setAutoCommit(false);
                    c.createStatement().execute("insert 1");
                }
                assertEquals(1, s.tether.stats("default").inUse(), "an open transaction keeps it bound");
                try (Connection c = s.tether.connection("default")) {
                    c.commit();
                    c.setAutoCommit(true);
                }
                return null;
            });
            assertEquals(1, s.backend.opened());
        }
    }

    @Test
    void threadPersistenceParksWithTheThreadAndAnotherThreadReclaimsItAtTheCap() throws Exception {
        try (Scenario s = capped(Persistence.THREAD, 1, Duration.ofSeconds(5))) {
            s.request("select 1");
            assertEquals(1, s.tether.stats("default").parked());
            s.requestOnAnotherThread("select 2");
            assertEquals(1, s.backend.opened(), "the idle parked connection was reclaimed, not a second one opened");
            s.request("select 3"); // and this thread gets it back
            assertEquals(1, s.backend.opened());
            assertEquals(List.of("select 1", "select 2", "select 3"), s.current().executed);
        }
    }

    @Test
    void atTheCapAcquisitionWaitsThenFailsWithTheStateAndTheFix() throws Exception {
        try (Scenario s = capped(Persistence.THREAD, 2, Duration.ofMillis(200))) {
            CountDownLatch holding = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> holders = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                holders.add(pool.submit(() -> {
                    try (UnitOfWork ignored = s.tether.begin()) {
                        s.query("select 1");
                        holding.countDown();
                        release.await();
                    }
                    return null;
                }));
            }
            assertTrue(holding.await(5, TimeUnit.SECONDS));
            s.tether.requestStarted();
            SQLTransientConnectionException error = assertThrows(SQLTransientConnectionException.class,
                    () -> s.query("select 2"));
            String message = error.getMessage();
            assertTrue(message.contains("[default]"), message);
            assertTrue(message.contains("open=2 of cap 2"), message);
            assertTrue(message.contains("waiting=1"), message);
            assertTrue(message.contains("MAX_CONNECTIONS"), message);
            s.tether.requestFinished();
            release.countDown();
            for (Future<?> holder : holders) {
                holder.get(5, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(2, s.backend.opened());
            assertEquals(0, s.tether.stats("default").inUse());
        }
    }

    @Test
    void aWaiterGetsTheConnectionAsSoonAsAnotherContextReleasesIt() throws Exception {
        try (Scenario s = capped(Persistence.CONTEXT, 1, Duration.ofSeconds(10))) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = Thread.ofVirtual().start(s.tether.contextual(() -> {
                try (Connection c = s.tether.connection("default")) {
                    holding.countDown();
                    release.await();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }));
            assertTrue(holding.await(5, TimeUnit.SECONDS));
            Future<?> waiter = Executors.newVirtualThreadPerTaskExecutor().submit(s.tether.contextual(() -> {
                s.query("select 2");
                return null;
            }));
            while (s.tether.stats("default").waiting() == 0) {
                Thread.onSpinWait();
            }
            release.countDown();
            waiter.get(5, TimeUnit.SECONDS);
            holder.join();
            assertEquals(1, s.backend.opened());
        }
    }

    @Test
    void manyContextsNeverExceedTheCapAndNeverShareAConnection() throws Exception {
        int cap = 3;
        try (Scenario s = capped(Persistence.CONTEXT, cap, Duration.ofSeconds(30))) {
            java.util.Set<Long> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();
            try (ExecutorService threads = Executors.newThreadPerTaskExecutor(
                    s.tether.contextThreadFactory(Thread.ofVirtual().factory()))) {
                for (int i = 0; i < 500; i++) {
                    threads.submit(() -> {
                        try (Connection c = s.tether.connection("default")) {
                            long id = s.backend.of(c.unwrap(Connection.class)).id;
                            if (!held.add(id)) {
                                overlaps.incrementAndGet();
                            }
                            Thread.yield();
                            held.remove(id);
                        }
                        return null;
                    });
                }
            }
            assertEquals(0, overlaps.get());
            assertTrue(s.backend.opened() <= cap, "opened " + s.backend.opened());
            // A thread-per-task executor counts a task done before its thread's context ends: await that end.
            s.awaitQuiet();
        }
    }

    @Test
    void aDeadThreadsParkedConnectionIsReusedBeforeANewOneIsOpened() throws Exception {
        try (Scenario s = capped(Persistence.THREAD, 5, Duration.ofSeconds(5))) {
            s.requestOnAnotherThread("select 1");
            s.request("select 2");
            assertEquals(1, s.backend.opened());
        }
    }

    @Test
    void reaperTakesBackTheConnectionOfADeadThread() throws Exception {
        try (Scenario s = capped(Persistence.THREAD, 5, Duration.ofSeconds(5))) {
            s.requestOnAnotherThread("select 1");
            assertEquals(1, s.tether.stats("default").parked());
            s.tether.reap();
            PoolStats stats = s.tether.stats("default");
            assertEquals(0, stats.parked());
            assertEquals(1, stats.reservoir());
            s.request("select 2");
            assertEquals(1, s.backend.opened(), "the dead thread's connection served the next request");
        }
    }

    @Test
    void reaperTakesBackAConnectionADeadThreadLeftInUse() throws Exception {
        try (Scenario s = capped(Persistence.THREAD, 5, Duration.ofSeconds(5))) {
            Thread thread = Thread.ofPlatform().start(() -> {
                s.tether.requestStarted();
                try {
                    s.tether.connection("default").createStatement().execute("select 1"); // never closed, request never ends
                } catch (SQLException e) {
                    throw new AssertionError(e);
                }
            });
            thread.join();
            assertEquals(1, s.tether.stats("default").inUse());
            s.tether.reap();
            assertEquals(0, s.tether.stats("default").inUse());
            assertEquals(1, s.tether.stats("default").reservoir());
        }
    }

    @Test
    void reaperClosesParkedConnectionsPastTheirMaxAgeWithoutARequestBoundary() throws Exception {
        try (Scenario s = new Scenario(b -> b.maxAge(Duration.ofSeconds(60)))) {
            s.request("select 1");
            s.tether.reap();
            assertFalse(s.current().closed);
            s.advance(Duration.ofSeconds(60));
            s.tether.reap();
            assertTrue(s.current().closed);
            assertTrue(s.signals.events.contains("closed #1 MAX_AGE"));
            assertEquals(0, s.tether.stats("default").open());
        }
    }

    @Test
    void reaperClosesConnectionsIdleLongerThanTheIdleTimeout() throws Exception {
        try (Scenario s = new Scenario(b -> b.persistence(Persistence.CONTEXT).maxAge(DatabaseSettings.UNLIMITED)
                .idleTimeout(Duration.ofMinutes(5)))) {
            s.tether.inContext(() -> {
                s.query("select 1");
                return null;
            });
            s.advance(Duration.ofMinutes(4));
            s.tether.reap();
            assertFalse(s.current().closed);
            s.advance(Duration.ofMinutes(1));
            s.tether.reap();
            assertTrue(s.current().closed);
            assertTrue(s.signals.events.contains("closed #1 IDLE"));
        }
    }

    @Test
    void reaperNeverTouchesAConnectionInUse() throws Exception {
        try (Scenario s = new Scenario(b -> b.maxAge(Duration.ofSeconds(1)).idleTimeout(Duration.ofSeconds(1)))) {
            s.tether.requestStarted();
            try (Connection c = s.tether.connection("default")) {
                s.advance(Duration.ofHours(1));
                s.tether.reap();
                assertFalse(s.current().closed);
                c.createStatement().execute("select 1");
            }
            s.tether.requestFinished();
            assertTrue(s.current().closed, "retired at the boundary instead");
        }
    }

    @Test
    void reaperThreadRunsOnItsOwnAndStopsWithTheEngine() throws Exception {
        Scenario s = new Scenario(b -> b.maxAge(Duration.ofSeconds(1)), e -> e.reaperPeriod(Duration.ofMillis(20)));
        s.request("select 1");
        s.advance(Duration.ofSeconds(2));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!s.current().closed && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(s.current().closed);
        s.close();
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("tether-reaper")),
                "the reaper thread stops with the engine");
    }

    @Test
    void shutdownClosesEverythingIsIdempotentAndRefusesNewWork() throws Exception {
        Scenario s = new Scenario(b -> b.maxAge(DatabaseSettings.UNLIMITED), e -> e.shutdownTimeout(Duration.ofMillis(100)));
        s.request("select 1");
        Connection leaked = s.tether.connection("default"); // in use, never released
        s.tether.close();
        s.tether.close();
        assertTrue(s.current().closed);
        assertTrue(leaked.isClosed());
        assertEquals(0, s.tether.stats("default").open());
        assertTrue(s.signals.events.contains("closed #1 SHUTDOWN"));
        Thread.ofPlatform().start(() -> assertThrows(SQLException.class, () -> s.tether.connection("default"))).join();
    }

    @Test
    void contextPersistenceChecksAConnectionWithErrorsBeforeItGoesBackToTheReservoir() throws Exception {
        try (Scenario s = capped(Persistence.CONTEXT, 2, Duration.ofSeconds(5))) {
            s.tether.inContext(() -> {
                assertThrows(SQLException.class, () -> s.query("fail 42601"));
                return null;
            });
            assertEquals(1, s.backend.pings.get());
            assertEquals(1, s.tether.stats("default").reservoir(), "it passed the check and was kept");
            s.tether.inContext(() -> {
                try (Connection c = s.tether.connection("default"); var statement = c.createStatement()) {
                    assertThrows(SQLException.class, () -> statement.execute("fail 42601"));
                    s.current().kill();
                }
                return null;
            });
            assertEquals(0, s.tether.stats("default").open(), "a dead one is not passed on");
            assertTrue(s.signals.events.contains("closed #1 ERROR"));
        }
    }

    @Test
    void aRequestThatNeverQueriesDoesNotPinItsThreadsConnection() throws Exception {
        try (Scenario s = capped(Persistence.THREAD, 1, Duration.ofSeconds(5))) {
            s.request("select 1");
            s.tether.requestStarted(); // a request that does no database work
            s.requestOnAnotherThread("select 2");
            s.tether.requestFinished();
            assertEquals(1, s.backend.opened());
            assertEquals(List.of("select 1", "select 2"), s.current().executed);
        }
    }

    @Test
    void aConnectionWithErrorsIsCheckedWhenParkedAndClosedIfDeadRatherThanReclaimed() throws Exception {
        try (Scenario s = capped(Persistence.THREAD, 1, Duration.ofSeconds(5))) {
            s.query("select 1"); // outside a request: parked when the handle closes
            assertThrows(SQLException.class, () -> s.query("fail 42601"));
            assertEquals(1, s.backend.pings.get(), "the error made the parking check it");
            s.requestOnAnotherThread("select 2");
            assertEquals(1, s.backend.opened(), "it answered, so another thread may reclaim it");
            s.current().kill();
            assertThrows(SQLException.class, () -> s.request("fail 42601"));
            assertEquals(0, s.tether.stats("default").open(), "dead at the request's end: closed, not parked");
            s.requestOnAnotherThread("select 3");
            assertEquals(2, s.backend.opened());
            assertTrue(s.backend.connections.getFirst().closed);
        }
    }

    @Test
    void threadPersistenceWithAStorageWhoseContextsAreNotThreadsFailsAtStartUp() {
        ContextStorage perRequest = new AdapterLikeStorage(false);
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> new Scenario(
                b -> b.maxConnections(5).maxAge(DatabaseSettings.UNLIMITED), e -> e.contextStorage(perRequest)));
        assertTrue(error.getMessage().contains("'default'") && error.getMessage().contains("PERSISTENCE")
                && error.getMessage().contains("set PERSISTENCE to 'context'"), error.getMessage());
    }

    @Test
    void contextWithMaxAgeZeroKeepsOneConnectionForTheWholeRequest() throws Exception {
        try (Scenario s = new Scenario(b -> b.persistence(Persistence.CONTEXT).maxAge(Duration.ZERO))) {
            s.tether.inContext(() -> {
                s.query("select 1");
                s.query("select 2");
                s.query("select 3");
                return null;
            });
            assertEquals(1, s.backend.opened(), "closed at the end of the request, as Django does");
            assertTrue(s.current().closed);
        }
    }

    @Test
    void scopedContextsWithThreadPersistenceShareConnectionsThroughTheReservoir() throws Exception {
        try (Scenario s = new Scenario(b -> b.maxConnections(4).maxAge(DatabaseSettings.UNLIMITED))) {
            for (int i = 0; i < 20; i++) {
                s.tether.inContext(() -> {
                    s.query("select 1");
                    return null;
                });
            }
            assertEquals(1, s.backend.opened());
        }
    }

    @Test
    void aTimeoutNamesAnUnnamedVirtualThreadHolderByItsId() throws Exception {
        try (Scenario s = capped(Persistence.THREAD, 1, Duration.ofMillis(100))) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch letGo = new CountDownLatch(1);
            Thread holder = Thread.ofVirtual().start(() -> {
                try (var unit = s.tether.begin(); var c = s.tether.connection("default")) {
                    holding.countDown();
                    letGo.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            holding.await();
            SQLException timeout = assertThrows(SQLException.class, () -> s.query("select 1"));
            letGo.countDown();
            holder.join();
            assertTrue(timeout.getMessage().contains("held by virtual thread #" + holder.threadId() + " for "),
                    timeout.getMessage());
        }
    }

    @Test
    void anErrorThrownWhileConnectingDoesNotLoseACapSlot() throws Exception {
        try (Scenario s = new Scenario(b -> b.maxConnections(1).acquireTimeout(Duration.ofMillis(100)))) {
            s.backend.throwOnConnect = new NoClassDefFoundError("simulated broken driver");
            assertThrows(NoClassDefFoundError.class, () -> s.query("select 1"));
            s.backend.throwOnConnect = null;
            s.query("select 1");
            assertEquals(1, s.tether.stats("default").open());
        }
    }

    @Test
    void manyThreadsOfOneContextShareItsConnectionAndLeakNothing() throws Exception {
        try (Scenario s = capped(Persistence.CONTEXT, 2, Duration.ofSeconds(5))) {
            for (int round = 0; round < 50; round++) {
                s.tether.inContext(() -> {
                    try (var scope = Executors.newVirtualThreadPerTaskExecutor()) {
                        for (int i = 0; i < 4; i++) {
                            scope.submit(() -> {
                                s.query("select 1");
                                return null;
                            });
                        }
                    }
                    return null;
                });
            }
            assertEquals(0, s.tether.stats("default").inUse());
            assertTrue(s.backend.opened() <= 2);
        }
    }

    @Test
    void atTheCapWaitersAreServedOldestFirstAndTheReleaserQueuesBehindThem() throws Exception {
        try (Scenario s = capped(Persistence.CONTEXT, 1, Duration.ofSeconds(10))) {
            List<String> served = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch letGo = new CountDownLatch(1);
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                threads.submit(() -> {
                    s.tether.inContext(() -> {
                        s.query("select holder");
                        holding.countDown();
                        letGo.await();
                        return null;
                    });
                    return s.tether.inContext(() -> { // asks again at once, and queues behind the three
                        s.query("select 1");
                        served.add("holder again");
                        return null;
                    });
                });
                assertTrue(holding.await(5, TimeUnit.SECONDS));
                for (int i = 1; i <= 3; i++) {
                    String name = "waiter " + i;
                    threads.submit(() -> s.tether.inContext(() -> {
                        s.query("select 1");
                        served.add(name);
                        return null;
                    }));
                    int expected = i;
                    awaitTrue(() -> s.tether.stats("default").waiting() == expected);
                }
                letGo.countDown();
            }
            assertEquals(List.of("waiter 1", "waiter 2", "waiter 3", "holder again"), served);
            assertEquals(1, s.backend.opened());
        }
    }

    @Test
    void threadsReclaimingEachOthersParkedConnectionsAtTheCapNeverTimeOutWhileOnesAreParked() throws Exception {
        for (int round = 0; round < 40; round++) {
            try (Scenario s = new Scenario(b -> b.persistence(Persistence.THREAD).maxConnections(2).healthChecks(true)
                    .acquireTimeout(Duration.ofMillis(300)).maxAge(DatabaseSettings.UNLIMITED))) {
                List<Future<?>> done = new ArrayList<>();
                try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
                    for (int t = 0; t < 4; t++) {
                        done.add(threads.submit(() -> {
                            for (int i = 0; i < 20; i++) {
                                s.request("sleep 2");
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : done) {
                        f.get();
                    }
                }
            }
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() - deadline < 0, "condition not met within 5 s");
            Thread.sleep(1);
        }
    }
    /**
     * A caller that starts waiting just as the only connection is given back must get it at once: the giver reads
     * whether anyone waits after the waiter has said so. Thousands of rounds with a varying gap between the two, so
     * the windows where the two cross are hit; nobody else arrives to rescue a waiter that was missed.
     */
    @Test
    void aWaiterArrivingAsTheConnectionIsGivenBackIsServedAtOnce() throws Exception {
        int rounds = 20_000;
        try (Scenario s = new Scenario(b -> b.persistence(Persistence.CONTEXT).maxConnections(1)
                .acquireTimeout(Duration.ofSeconds(1)).maxAge(DatabaseSettings.UNLIMITED))) {
            java.util.concurrent.CyclicBarrier taken = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.CyclicBarrier roundDone = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.atomic.AtomicInteger stalls = new java.util.concurrent.atomic.AtomicInteger();
            Future<?> giver;
            Future<?> waiter;
            try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
                giver = threads.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        int gap = r % 400;
                        s.tether.inContext(() -> {
                            s.query("select 1");
                            taken.await();
                            for (int i = 0; i < gap; i++) {
                                Thread.onSpinWait();
                            }
                            return null;
                        });
                        roundDone.await();
                    }
                    return null;
                });
                waiter = threads.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        taken.await();
                        long start = System.nanoTime();
                        s.tether.inContext(() -> {
                            s.query("select 2");
                            return null;
                        });
                        if (System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(900)) {
                            stalls.incrementAndGet();
                        }
                        roundDone.await();
                    }
                    return null;
                });
                giver.get();
                waiter.get();
            }
            assertEquals(0, stalls.get(), "rounds where the waiter waited out ACQUIRE_TIMEOUT beside an idle connection");
        }
    }
}
