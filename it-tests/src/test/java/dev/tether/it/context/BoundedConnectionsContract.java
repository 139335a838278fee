package dev.tether.it.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.api.PoolStats;
import dev.tether.api.UnitOfWork;
import dev.tether.engine.Tether;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import dev.tether.testing.servers.ServerPeak;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cap holds in every threading model, counted from the server's side: thread-per-request platform
 * threads (Django's "connections = threads"), and virtual threads as contexts (Django's "a new persistent
 * connection per greenlet").
 */
abstract class BoundedConnectionsContract extends ServerContract {
    private static final Duration REAPER_PERIOD = Duration.ofMillis(100);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);

    BoundedConnectionsContract(Server server) {
        super(server);
    }

    /**
     * "None of theirs is open" as a user can hold Tether to it: the reaper gives dead threads' connections back
     * (none stays in use or parked by a dead thread), so they serve later requests instead of new ones, and
     * once idle past IDLE_TIMEOUT the reaper closes them on the server, without {@code close()}.
     */
    @Test
    void tenThousandShortLivedThreadsStayWithinTheCapAndLeaveNoConnectionBehind() throws Exception {
        int cap = 20;
        int requests = 10_000;
        int liveThreads = 200; // ten times the cap: most requests find every connection taken
        try (Tether tether = tether(s -> s.persistence(Persistence.THREAD).maxConnections(cap)
                        .maxAge(DatabaseSettings.UNLIMITED).idleTimeout(IDLE_TIMEOUT),
                e -> e.reaperPeriod(REAPER_PERIOD));
             ServerPeak peak = watchServer()) {
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            Semaphore live = new Semaphore(liveThreads);
            List<Thread> threads = new ArrayList<>(requests);
            for (int i = 0; i < requests; i++) {
                live.acquire();
                boolean unitOfWork = i % 2 == 0;
                threads.add(Thread.ofPlatform().name("request-" + i).start(() -> {
                    try {
                        oneRequest(tether, unitOfWork);
                    } catch (Throwable t) {
                        failures.add(t);
                    } finally {
                        live.release();
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }

            assertEquals(0, failures.size(), () -> failures.size() + " requests failed; the first: " + failures.peek());
            assertPeakWithinCap(peak, cap);
            PoolStats released = awaitStats(tether, s -> s.inUse() == 0 && s.parked() == 0);
            assertEquals(0, released.inUse(), "connections still in use by dead threads: " + released);
            assertEquals(0, released.parked(), "connections still parked with dead threads: " + released);
            assertEquals(0, admin.awaitConnectionsTo(database, 0, AWAIT),
                    "connections of the dead threads still open on the server once idle, without tether.close()");
            PoolStats after = tether.stats(ALIAS);
            assertEquals(0, after.open(), after::toString);
            assertTrue(after.opened() <= requests / 50,
                    requests + " requests opened " + after.opened() + " connections; reuse should make that a few dozen");
            System.err.printf("[tether-it] %s: %d thread-per-request requests, server peak %d (%d samples), %d opened%n",
                    getClass().getSimpleName(), requests, peak.peak(), peak.samples(), after.opened());
        }
    }

    /** Half the requests send the two signals, half use a unit of work: both are how servers call Tether. */
    private static void oneRequest(Tether tether, boolean unitOfWork) throws SQLException {
        if (unitOfWork) {
            try (UnitOfWork _ = tether.begin()) {
                selectOne(tether);
            }
        } else {
            tether.requestStarted();
            try {
                selectOne(tether);
            } finally {
                tether.requestFinished();
            }
        }
    }

    private static void selectOne(Tether tether) throws SQLException {
        try (Connection c = tether.connection(ALIAS)) {
            assertEquals(1, number(c, "SELECT 1"));
        }
    }

    /** The two ways to make each virtual thread's task a context of its own. */
    enum VirtualContexts {
        CONTEXT_THREAD_FACTORY {
            @Override
            ExecutorService executor(Tether tether) {
                return Executors.newThreadPerTaskExecutor(tether.contextThreadFactory(Thread.ofVirtual().factory()));
            }

            @Override
            <T> Callable<T> task(Tether tether, Callable<T> task) {
                return task;
            }
        },
        IN_CONTEXT {
            @Override
            ExecutorService executor(Tether tether) {
                return Executors.newVirtualThreadPerTaskExecutor();
            }

            @Override
            <T> Callable<T> task(Tether tether, Callable<T> task) {
                return () -> tether.inContext(task);
            }
        };

        abstract ExecutorService executor(Tether tether);

        abstract <T> Callable<T> task(Tether tether, Callable<T> task);
    }

    @ParameterizedTest
    @EnumSource(VirtualContexts.class)
    void twoThousandConcurrentVirtualThreadRequestsShareAtMostTheCap(VirtualContexts contexts) throws Exception {
        int cap = 16;
        int requests = 2_000;
        Duration work = Duration.ofMillis(2); // long enough that requests overlap and queue at the cap
        try (Tether tether = tether(s -> s.persistence(Persistence.CONTEXT).maxConnections(cap)
                .maxAge(DatabaseSettings.UNLIMITED).acquireTimeout(Duration.ofSeconds(60)));
             ServerPeak peak = watchServer()) {
            Set<Long> sessions = ConcurrentHashMap.newKeySet();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>(requests);
            try (ExecutorService threads = contexts.executor(tether)) {
                for (int i = 0; i < requests; i++) {
                    results.add(threads.submit(contexts.task(tether, () -> {
                        start.await();
                        try (Connection c = tether.connection(ALIAS)) {
                            execute(c, dialect.sleep(work));
                            return ServerAdmin.currentSessionId(c);
                        }
                    })));
                }
                start.countDown();
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<Long> result : results) {
                try {
                    sessions.add(result.get());
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }

            assertEquals(List.of(), failures.stream().limit(3).map(Throwable::toString).toList(),
                    failures.size() + " of " + requests + " requests failed");
            assertPeakWithinCap(peak, cap);
            // A future completes when its task returns; the task's context ends just after.
            PoolStats stats = awaitStats(tether, s -> s.inUse() == 0);
            assertTrue(stats.opened() <= cap, requests + " requests opened " + stats.opened() + " connections, cap " + cap);
            assertTrue(sessions.size() <= cap, requests + " requests ran on " + sessions.size() + " server sessions");
            assertEquals(0, stats.inUse(), stats::toString);
            assertEquals(stats.open(), stats.reservoir(), "every connection is back in the reservoir: " + stats);
            assertServerHasExactlyTethersConnections(stats);
            System.err.printf("[tether-it] %s %s: %d virtual-thread requests, server peak %d (%d samples), %d opened%n",
                    getClass().getSimpleName(), contexts, requests, peak.peak(), peak.samples(), stats.opened());
        }
        assertNoConnectionLeftAfterClose();
    }

    @ParameterizedTest
    @EnumSource(Persistence.class)
    void aCapTooSmallForTheLoadFailsFastWithTheReasonAndLeaksNothing(Persistence persistence) throws Exception {
        int cap = 2;
        int requests = 50;
        Duration acquireTimeout = Duration.ofMillis(200);
        ThreadFactory threads = persistence == Persistence.THREAD ? Thread.ofPlatform().factory() : null;
        try (Tether tether = tether(s -> s.persistence(persistence).maxConnections(cap).acquireTimeout(acquireTimeout)
                .maxAge(DatabaseSettings.UNLIMITED));
             ServerPeak peak = watchServer();
             ExecutorService pool = Executors.newThreadPerTaskExecutor(
                     threads != null ? threads : tether.contextThreadFactory(Thread.ofVirtual().factory()))) {
            CountDownLatch allOthersFailed = new CountDownLatch(requests - cap);
            Queue<SQLException> refusals = new ConcurrentLinkedQueue<>();
            List<Future<Boolean>> served = new ArrayList<>(requests);
            for (int i = 0; i < requests; i++) {
                served.add(pool.submit(() -> {
                    try (UnitOfWork _ = tether.begin(); Connection c = tether.connection(ALIAS)) {
                        number(c, "SELECT 1");
                        // Held until every other request has failed, so none of them can have waited for a release.
                        return allOthersFailed.await(AWAIT.toSeconds(), TimeUnit.SECONDS);
                    } catch (SQLTransientConnectionException refused) {
                        refusals.add(refused);
                        allOthersFailed.countDown();
                        return false;
                    }
                }));
            }
            long held = 0;
            for (Future<Boolean> request : served) {
                held += request.get(AWAIT.toSeconds(), TimeUnit.SECONDS) ? 1 : 0;
            }

            assertEquals(cap, held, "requests that got a connection and held it while the others failed");
            assertEquals(requests - cap, refusals.size(), "requests refused at the cap");
            for (SQLException refusal : refusals) {
                String message = refusal.getMessage();
                assertTrue(message.contains("[" + ALIAS + "]"), "names the alias: " + message);
                assertTrue(message.contains(acquireTimeout.toMillis() + " ms"), "says how long it waited: " + message);
                // open may read 1 while the second connection is still being opened
                assertTrue(message.matches("(?s).*open=[0-9]+\\b.*cap 2\\b.*"), "gives open connections and the cap: " + message);
                assertTrue(message.matches("(?s).*waiting=[1-9][0-9]*\\b.*"), "gives how many are waiting: " + message);
                assertTrue(message.contains("MAX_CONNECTIONS") && message.contains("ACQUIRE_TIMEOUT"),
                        "names the settings that fix it: " + message);
            }
            PoolStats stats = awaitStats(tether, s -> s.inUse() == 0);
            assertEquals(0, stats.inUse(), stats::toString);
            assertEquals(0, stats.waiting(), stats::toString);
            assertPeakWithinCap(peak, cap);
            assertServerHasExactlyTethersConnections(stats);
            Future<Long> next = pool.submit(() -> {
                try (UnitOfWork _ = tether.begin(); Connection c = tether.connection(ALIAS)) {
                    return number(c, "SELECT 1");
                }
            });
            assertEquals(1, next.get(AWAIT.toSeconds(), TimeUnit.SECONDS), "a request after the rush is served");
        }
        assertNoConnectionLeftAfterClose();
    }
}
