package dev.tether.engine.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.Ticker;
import dev.tether.testing.Await;
import org.junit.jupiter.api.Test;

/** The hot path's clock: it follows the system clock, never runs ahead of it, and its thread ends when stopped. */
class CoarseClockTest {
    @Test
    void followsTheSystemClockWithoutRunningAheadAndStops() throws InterruptedException {
        Ticker clock = CoarseClock.over(Ticker.SYSTEM);
        CoarseClock.start(clock);
        try {
            long first = clock.nanos();
            assertTrue(first - System.nanoTime() <= 0, "a coarse reading is never ahead of the system clock");
            Await.until("the clock advances", () -> clock.nanos() - first >= CoarseClock.RESOLUTION_NANOS);
            assertTrue(clock.nanos() - System.nanoTime() <= 0, "still never ahead");
        } finally {
            CoarseClock.stop(clock);
        }
        Thread thread = ((CoarseClock) clock).thread;
        thread.join(5_000);
        assertFalse(thread.isAlive(), "the clock's thread ends when its engine closes");
    }

    @Test
    void anInjectedTickerIsUsedAsItIs() {
        Ticker test = () -> 42;
        assertSame(test, CoarseClock.over(test), "tests that control time keep control of the hot path's readings");
        CoarseClock.stop(test); // nothing to stop
    }
}
