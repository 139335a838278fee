package dev.tether.engine.internal;

import dev.tether.api.Ticker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link Ticker#SYSTEM} read every {@link #RESOLUTION_NANOS} by a daemon thread of its own, for the readings the hot
 * path takes: when a connection was taken and given back, and whether it is past its max age or the server's idle
 * limit. On a paravirtualised clock ({@code kvm-clock}) {@code System.nanoTime()} costs about 30 ns, a fifth of a
 * request; a coarse reading costs a field read. What it decides — ages, idle times and holding times counted in
 * seconds, the holders a timeout names in milliseconds — lags by at most the resolution plus the thread's
 * scheduling delay, and never runs ahead. Durations reported to observers and the flight recorder use the exact
 * clock.
 */
final class CoarseClock implements Ticker {
    static final long RESOLUTION_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /** Its thread; package-private for the test that sees it end. */
    final Thread thread;
    private volatile long now = System.nanoTime();
    private volatile boolean stopped;

    CoarseClock() {
        thread = Thread.ofPlatform().daemon().name("tether-clock").unstarted(() -> {
            while (!stopped) {
                LockSupport.parkNanos(this, RESOLUTION_NANOS);
                now = System.nanoTime();
            }
        });
    }

    /**
     * The coarse clock for {@code exact}: one of its own over the system clock, not started yet (see {@link #start}),
     * else {@code exact} itself (a test's).
     */
    static Ticker over(Ticker exact) {
        return exact == Ticker.SYSTEM ? new CoarseClock() : exact;
    }

    /** Starts the clock's thread, if {@code ticker} is a clock of this kind: once its engine is built. */
    static void start(Ticker ticker) {
        if (ticker instanceof CoarseClock clock) {
            clock.now = System.nanoTime();
            clock.thread.start();
        }
    }

    @Override
    public long nanos() {
        return now;
    }

    /** Ends the clock's thread, if {@code ticker} is a clock of this kind. */
    static void stop(Ticker ticker) {
        if (ticker instanceof CoarseClock clock) {
            clock.stopped = true;
            LockSupport.unpark(clock.thread);
        }
    }
}
