package dev.tether.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.api.PoolStats;
import dev.tether.api.Release;
import dev.tether.api.UnitOfWork;
import dev.tether.testing.fake.AdapterLikeStorage;
import dev.tether.testing.fake.FakeConnection;
import dev.tether.testing.fake.TestBackend;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Exclusive ownership under randomized interleavings of what users do: handles used and closed, units closed from
 * another thread while a statement runs, threads that die holding a connection, the reaper, reclaim at the cap and
 * shutdown mid-run. After each round: no connection was ever entered by two threads at once, the cap held, nothing
 * leaked and no error other than an {@link SQLException} escaped. The seed is in every failure message.
 */
class OwnershipStressTest {
    /** CI's count; {@code -Dtether.stress.rounds=N} runs more. */
    private static final int ROUNDS = Integer.getInteger("tether.stress.rounds", 1_000);

    @Test
    void noConnectionServesTwoOwnersAtOnceUnderAnyInterleaving() throws Exception {
        String given = System.getProperty("tether.stress.seed"); // replays one round from a failure message
        long seed = given != null ? Long.parseLong(given) : System.nanoTime();
        for (int round = 0; round < (given != null ? 1 : ROUNDS); round++) {
            runRound(seed + round);
        }
    }

    private static void runRound(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        int cap = 1 + random.nextInt(3);
        Persistence persistence = random.nextBoolean() ? Persistence.THREAD : Persistence.CONTEXT;
        Release release = random.nextInt(4) == 0 ? Release.TRANSACTION : Release.UNIT;
        // Units that end where blocking is not allowed, as on an event loop: settled in place or on another thread.
        boolean eventLoop = persistence == Persistence.CONTEXT && random.nextBoolean();
        TestBackend backend = new TestBackend();
        Tether.Builder builder = Tether.builder();
        if (eventLoop) {
            builder.contextStorage(AdapterLikeStorage.onEventLoop());
        }
        Tether tether = builder.backend(backend).reaperPeriod(Duration.ZERO)
                .shutdownTimeout(Duration.ofMillis(random.nextInt(50)))
                .database(DatabaseSettings.builder("default").engine("test").name("app").persistence(persistence)
                        .release(release).maxConnections(cap).acquireTimeout(Duration.ofSeconds(5))
                        .maxAge(random.nextBoolean() ? DatabaseSettings.UNLIMITED : Duration.ofMillis(random.nextInt(5)))
                        .build())
                .build();
        Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        int workerCount = 2 + random.nextInt(4);
        for (int w = 0; w < workerCount; w++) {
            long workerSeed = random.nextLong();
            workers.add(Thread.ofPlatform().start(() -> work(tether, new SplittableRandom(workerSeed), unexpected)));
        }
        boolean shutDownMidRun = random.nextInt(8) == 0;
        Thread chaos = Thread.ofPlatform().start(() -> {
            SplittableRandom chaosRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
            while (running.get()) {
                try {
                    tether.reap();
                    PoolStats stats = tether.stats("default");
                    if (stats.open() > cap) {
                        unexpected.add(new AssertionError("open " + stats.open() + " above cap " + cap));
                    }
                    if (shutDownMidRun && chaosRandom.nextInt(20) == 0) {
                        tether.close();
                    }
                    Thread.yield();
                } catch (RuntimeException | Error e) {
                    unexpected.add(e);
                }
            }
        });
        for (Thread worker : workers) {
            worker.join(Duration.ofSeconds(30));
            if (worker.isAlive()) {
                fail("seed " + seed + ": a worker hung:\n" + stack(worker));
            }
        }
        running.set(false);
        chaos.join();
        tether.close();

        String round = "seed " + seed + " (cap " + cap + ", " + persistence + (eventLoop ? " ending on an event loop" : "")
                + ", release " + release
                + (shutDownMidRun ? ", shut down mid-run" : "") + ")";
        if (!unexpected.isEmpty()) {
            AssertionError error = new AssertionError(round + ": unexpected " + unexpected.peek());
            unexpected.forEach(error::addSuppressed);
            throw error;
        }
        assertEquals(0, backend.overlaps.get(), round + ": two threads inside one connection");
        assertTrue(backend.peakOpen.get() <= cap, round + ": peak open " + backend.peakOpen.get());
        for (FakeConnection c : backend.connections) {
            assertTrue(c.closed, round + ": connection #" + c.id + " leaked after shutdown");
        }
        assertEquals(0, tether.stats("default").open(), round);
    }

    /** One user: a few units of work, each picked at random from what users do. */
    private static void work(Tether tether, SplittableRandom random, Queue<Throwable> unexpected) {
        int units = 1 + random.nextInt(4);
        for (int i = 0; i < units; i++) {
            try {
                switch (random.nextInt(5)) {
                    case 0 -> plainUnit(tether, random);
                    case 1 -> closedFromAnotherThreadWhileAStatementRuns(tether, random);
                    case 2 -> threadDiesHoldingAConnection(tether);
                    case 3 -> outsideAnyUnit(tether);
                    default -> tether.inContext(() -> {
                        plainUnit(tether, random);
                        return null;
                    });
                }
            } catch (SQLException expected) {
                // Timeouts at the cap, handles whose connection was taken back, shutdown: all said clearly.
            } catch (Throwable e) {
                unexpected.add(e);
            }
        }
    }

    private static void plainUnit(Tether tether, SplittableRandom random) throws SQLException {
        try (UnitOfWork unit = tether.begin()) {
            int handles = 1 + random.nextInt(3);
            for (int h = 0; h < handles; h++) {
                try (Connection c = tether.connection("default"); Statement s = c.createStatement()) {
                    s.execute(random.nextBoolean() ? "select 1" : "sleep 1");
                    if (random.nextInt(6) == 0) {
                        s.execute("begin"); // left open: rolled back when the unit ends
                    }
                }
            }
        }
    }

    /** A statement runs on a helper thread while the owner closes the unit: the unit's end waits for it. */
    private static void closedFromAnotherThreadWhileAStatementRuns(Tether tether, SplittableRandom random)
            throws Exception {
        UnitOfWork unit = tether.begin();
        Connection c = tether.connection("default");
        tether.wrapper("default").incThreadSharing();
        Thread helper = Thread.ofPlatform().start(() -> {
            try (Statement s = c.createStatement()) {
                s.execute("sleep " + (1 + random.nextInt(3)));
            } catch (SQLException expected) {
                // The unit may have ended first: the handle is then closed.
            }
        });
        Thread.yield();
        unit.close();
        helper.join();
        tether.wrapper("default").decThreadSharing();
        c.close();
    }

    /** A thread takes a connection and dies without ending its unit: the reaper takes it back. */
    private static void threadDiesHoldingAConnection(Tether tether) throws InterruptedException {
        Thread.ofPlatform().start(() -> {
            try {
                tether.begin();
                Connection c = tether.connection("default");
                c.createStatement().execute("select 1");
            } catch (SQLException expected) {
                // At the cap or shut down.
            }
        }).join();
    }

    private static void outsideAnyUnit(Tether tether) throws SQLException {
        try (Connection c = tether.connection("default"); Statement s = c.createStatement()) {
            s.execute("select 1");
        }
    }

    private static String stack(Thread thread) {
        StringBuilder text = new StringBuilder();
        for (StackTraceElement element : thread.getStackTrace()) {
            text.append("  at ").append(element).append('\n');
        }
        return text.toString();
    }
}
