package dev.tether.engine.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.testing.Await;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine's clock: it follows the system clock without running ahead, ticks, and its thread ends when stopped. */
class EngineClockTest {
    @Test
    void followsTheSystemClockWithoutRunningAheadTicksAndStops() throws InterruptedException {
        AtomicInteger ticks = new AtomicInteger();
        EngineClock clock = new EngineClock(ticks::incrementAndGet);
        clock.start();
        try {
            long first = clock.nanos();
            assertTrue(first - System.nanoTime() <= 0, "a reading is never ahead of the system clock");
            Await.until("the clock advances", () -> clock.nanos() - first >= EngineClock.RESOLUTION_NANOS);
            assertTrue(clock.nanos() - System.nanoTime() <= 0, "still never ahead");
            Await.until("the clock ticks", () -> ticks.get() >= 2);
        } finally {
            clock.stop();
        }
        clock.thread.join(5_000);
        assertFalse(clock.thread.isAlive(), "the clock's thread ends when its engine closes");
    }

    @Test
    void aTickThatFailsDoesNotStopTheClock() throws InterruptedException {
        AtomicInteger ticks = new AtomicInteger();
        EngineClock clock = new EngineClock(() -> {
            ticks.incrementAndGet();
            throw new IllegalStateException("a pool's tick failed");
        });
        clock.start();
        try {
            Await.until("it ticks on after failures", () -> ticks.get() >= 3);
        } finally {
            clock.stop();
        }
        clock.thread.join(5_000);
        assertFalse(clock.thread.isAlive());
    }
}
