package dev.tether.it.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.CloseReason;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.api.PoolStats;
import dev.tether.api.UnitOfWork;
import dev.tether.engine.Tether;
import dev.tether.testing.SignalRecorder;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import dev.tether.testing.servers.ServerPeak;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What no request boundary will ever clean up, the reaper must: connections of worker threads that stop
 * receiving requests (Django's pool-thread leak) once past their max age, and connections whose owner
 * thread died holding them.
 */
abstract class ReaperContract extends ServerContract {
    private static final int WORKERS = 8;
    private static final Duration MAX_AGE = Duration.ofSeconds(1);

    ReaperContract(Server server) {
        super(server);
    }

    @ParameterizedTest
    @EnumSource(Persistence.class)
    void idleWorkersConnectionsAreClosedPastMaxAgeWithoutARequestBoundary(Persistence persistence) throws Exception {
        SignalRecorder signals = new SignalRecorder();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try (Tether tether = tether(s -> s.persistence(persistence).maxConnections(WORKERS).maxAge(MAX_AGE),
                e -> e.reaperPeriod(Duration.ofMillis(100)).listener(signals))) {
            Set<Thread> workerThreads = ConcurrentHashMap.newKeySet();
            Set<Long> sessions = ConcurrentHashMap.newKeySet();
            CountDownLatch allHolding = new CountDownLatch(WORKERS);
            Callable<Long> request = () -> {
                try (UnitOfWork _ = tether.begin(); Connection c = tether.connection(ALIAS)) {
                    return ServerAdmin.currentSessionId(c);
                }
            };
            List<Future<Boolean>> busy = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                busy.add(workers.submit(() -> {
                    try (UnitOfWork _ = tether.begin(); Connection c = tether.connection(ALIAS)) {
                        sessions.add(ServerAdmin.currentSessionId(c));
                        workerThreads.add(Thread.currentThread());
                        allHolding.countDown();
                        return allHolding.await(AWAIT.toSeconds(), TimeUnit.SECONDS); // one request on every worker
                    }
                }));
            }
            for (Future<Boolean> held : busy) {
                assertTrue(held.get(AWAIT.toSeconds(), TimeUnit.SECONDS), "every worker held a connection at once");
            }
            assertEquals(WORKERS, sessions.size(), "one connection per worker");

            // From here on the workers receive nothing.
            assertEquals(0, admin.awaitConnectionsTo(database, 0, AWAIT),
                    "connections of idle workers still open on the server well past CONN_MAX_AGE");
            assertEquals(WORKERS, workerThreads.size());
            assertTrue(workerThreads.stream().allMatch(Thread::isAlive), "the workers are alive, just idle");
            assertEquals(WORKERS, signals.requestsFinished(), "no request boundary since the workers went idle");
            assertEquals(Map.of(CloseReason.MAX_AGE, (long) WORKERS), signals.closedByReason());
            assertEquals(0, tether.stats(ALIAS).open(), () -> tether.stats(ALIAS).toString());

            long next = workers.submit(request).get(AWAIT.toSeconds(), TimeUnit.SECONDS);
            assertFalse(sessions.contains(next), "a new request on an idle worker gets a new connection");
        } finally {
            workers.shutdownNow();
        }
        assertNoConnectionLeftAfterClose();
    }

    @ParameterizedTest
    @EnumSource(Persistence.class)
    void connectionsOfThreadsThatDiedHoldingThemServeLaterRequests(Persistence persistence) throws Exception {
        int cap = 5;
        int requests = 100;
        ThreadFactory threads = ownerThreads(persistence);
        try (Tether tether = tether(s -> s.persistence(persistence).maxConnections(cap)
                        .maxAge(DatabaseSettings.UNLIMITED), e -> e.reaperPeriod(Duration.ofMillis(50)));
             ServerPeak peak = watchServer()) {
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> started = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                started.add(threads.newThread(() -> {
                    try {
                        tether.requestStarted();
                        Connection c = tether.connection(ALIAS); // never closed, and the request never finishes
                        number(c, "SELECT 1");
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }));
            }
            started.forEach(Thread::start);
            for (Thread thread : started) {
                thread.join();
            }

            assertEquals(List.of(), failures.stream().limit(3).map(Throwable::toString).toList(),
                    failures.size() + " of " + requests + " requests failed");
            assertPeakWithinCap(peak, cap);
            PoolStats stats = awaitStats(tether, s -> s.inUse() == 0 && s.parked() == 0);
            assertEquals(0, stats.inUse(), "connections still held by dead threads: " + stats);
            assertTrue(stats.opened() <= cap, requests + " requests opened " + stats.opened() + " connections, cap " + cap);
            assertServerHasExactlyTethersConnections(stats);
        }
        assertNoConnectionLeftAfterClose();
    }
}
