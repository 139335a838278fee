package dev.tether.engine.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.testing.Await;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine's clock: it follows the system clock without running ahead, ticks, and its thread ends when stopped. */
class EngineClockTest {
    private final AtomicInteger ticks = new AtomicInteger();

    @Test
    void followsTheSystemClockWithoutRunningAheadTicksAndStops() throws InterruptedException {
        EngineClock clock = new EngineClock(ticks::incrementAndGet);
        whileRunning(clock, () -> {
            long first = clock.nanos();
            assertTrue(first - System.nanoTime() <= 0, "a reading is never ahead of the system clock");
            Await.until("the clock advances", () -> clock.nanos() - first >= EngineClock.RESOLUTION_NANOS);
            assertTrue(clock.nanos() - System.nanoTime() <= 0, "still never ahead");
            Await.until("the clock ticks", () -> ticks.get() >= 2);
        });
    }

    @Test
    void aTickThatFailsDoesNotStopTheClock() throws InterruptedException {
        EngineClock clock = new EngineClock(() -> {
            ticks.incrementAndGet();
            throw new IllegalStateException("a pool's tick failed");
        });
        whileRunning(clock, () -> Await.until("it ticks on after failures", () -> ticks.get() >= 3));
    }

    @Test
    void aTickThatThrowsAnErrorDoesNotStopTheClock() throws InterruptedException {
        EngineClock clock = new EngineClock(() -> {
            if (ticks.incrementAndGet() == 1) {
                // An allocation in the tick under memory pressure: were the thread to end, every later waiter at the cap
                // would wait without a timeout and the hot path's clock would stop (max age, idle limits).
                throw new OutOfMemoryError("simulated");
            }
        });
        whileRunning(clock, () -> {
            long first = clock.nanos();
            Await.until("it ticks on after an Error", () -> ticks.get() >= 3,
                    () -> ticks.get() + " ticks, thread " + clock.thread.getState());
            Await.until("its reading advances", () -> clock.nanos() - first >= EngineClock.RESOLUTION_NANOS);
        });
    }

    @Test
    void anInterruptDoesNotMakeTheClockSpin() throws InterruptedException {
        EngineClock clock = new EngineClock(ticks::incrementAndGet);
        whileRunning(clock, () -> {
            clock.thread.interrupt();
            Await.until("a tick after the interrupt", () -> ticks.get() >= 1);
            int before = ticks.get();
            long from = clock.nanos();
            Await.until("50 ms on the clock", () -> clock.nanos() - from >= TimeUnit.MILLISECONDS.toNanos(50));
            int ticked = ticks.get() - before;
            // About 10 at its resolution; an interrupt left set ends every park at once, ticking thousands of times.
            assertTrue(ticked <= 100, ticked + " ticks in 50 ms");
        });
    }

    /** Starts {@code clock}, runs {@code checks}, stops it and sees its thread end, as when its engine closes. */
    private static void whileRunning(EngineClock clock, Runnable checks) throws InterruptedException {
        clock.start();
        try {
            checks.run();
        } finally {
            clock.stop();
        }
        clock.thread.join(5_000);
        assertFalse(clock.thread.isAlive(), "the clock's thread ends when its engine closes");
    }
}
