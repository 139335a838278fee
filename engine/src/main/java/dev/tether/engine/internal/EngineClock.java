package dev.tether.engine.internal;

import dev.tether.api.Ticker;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's clock thread, a daemon of its own: every {@link #RESOLUTION_NANOS} it reads the system clock for the
 * hot path and runs the engine's tick, which wakes the callers whose {@code ACQUIRE_TIMEOUT} has passed.
 * <ul>
 * <li>The hot path stamps connections when they are taken and given back, and checks max age and the server's idle
 * limit; on a paravirtualised clock ({@code kvm-clock}) {@code System.nanoTime()} costs about 30 ns, a fifth of a
 * request, where this clock's reading ({@link #nanos()}) costs a field read. What it decides — ages, idle times and
 * holding times counted in seconds, the holders a timeout names in milliseconds — lags by at most the resolution
 * plus the thread's scheduling delay, and never runs ahead.</li>
 * <li>A caller waiting at the cap parks without a timeout of its own: a timed park of a virtual thread puts a timer
 * task in the scheduler's delay queue and takes it out again, for every wait, which cost a fifth of the
 * throughput of 160 virtual threads sharing 8 connections. Its timeout fires to this resolution.</li>
 * </ul>
 * Durations reported to observers and the flight recorder use the exact clock.
 */
final class EngineClock implements Ticker {
    private static final System.Logger LOG = System.getLogger("dev.tether.engine");
    static final long RESOLUTION_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /** Its thread; package-private for the test that sees it end. */
    final Thread thread;
    private volatile long now = System.nanoTime();
    private volatile boolean stopped;

    /** A clock whose thread, once {@link #start() started}, runs {@code tick} at every reading. */
    EngineClock(Runnable tick) {
        thread = Thread.ofPlatform().daemon().name("tether-clock").unstarted(() -> {
            while (!stopped) {
                LockSupport.parkNanos(this, RESOLUTION_NANOS);
                Thread.interrupted(); // an interrupt would end every later park at once: the thread would spin
                now = System.nanoTime();
                try {
                    tick.run();
                } catch (Throwable e) { // even an Error: waiters' timeouts and the hot path's clock depend on this thread
                    try {
                        LOG.log(Level.WARNING, "Tether's clock tick failed; it runs again in 5 ms", e);
                    } catch (Throwable ignored) {
                        // out of memory for the message: the next tick tries again
                    }
                }
            }
        });
    }

    void start() {
        now = System.nanoTime();
        thread.start();
    }

    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    @Override
    public long nanos() {
        return now;
    }
}
