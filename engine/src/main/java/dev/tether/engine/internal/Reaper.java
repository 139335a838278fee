package dev.tether.engine.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Runs the engine's reaping on its own daemon thread every period until stopped. */
final class Reaper {
    private static final System.Logger LOG = System.getLogger("dev.tether.engine");

    private final Thread thread;
    private volatile boolean stopped;

    Reaper(Engine engine, Duration period) {
        long nanos = period.toNanos();
        thread = Thread.ofPlatform().daemon().name("tether-reaper").unstarted(() -> {
            while (!stopped) {
                LockSupport.parkNanos(this, nanos);
                if (!stopped) {
                    try {
                        engine.reap();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Tether's reaper failed; it will try again next period", e);
                    }
                }
            }
        });
        thread.start();
    }

    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
