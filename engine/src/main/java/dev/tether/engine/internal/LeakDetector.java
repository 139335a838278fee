package dev.tether.engine.internal;

import dev.tether.api.Ticker;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * LEAK_DETECTION_THRESHOLD: remembers where each connection in use was taken (a stack, captured only while this is
 * on), warns once when one is held past the threshold, naming the alias, the holder and that stack, and once more
 * when it comes back. The reaper's pass runs the check.
 */
final class LeakDetector {
    private static final System.Logger LOG = System.getLogger("dev.tether.engine");

    private final String alias;
    private final long thresholdNanos;
    private final Ticker ticker;
    private final Map<Physical, Held> held = new ConcurrentHashMap<>();

    private static final class Held {
        final String holder;
        final long since;
        final Throwable acquiredAt;
        volatile boolean reported;

        Held(String holder, long since, Throwable acquiredAt) {
            this.holder = holder;
            this.since = since;
            this.acquiredAt = acquiredAt;
        }
    }

    LeakDetector(String alias, long thresholdNanos, Ticker ticker) {
        this.alias = alias;
        this.thresholdNanos = thresholdNanos;
        this.ticker = ticker;
    }

    void track(Wrapper wrapper, Physical p) {
        held.put(p, new Held(wrapper.owner.describe(), p.heldSince,
                new Throwable("connection #" + p.id + " of '" + alias + "' was acquired here")));
    }

    void untrack(Physical p) {
        Held h = held.remove(p);
        if (h != null && h.reported) {
            LOG.log(Level.WARNING, "[" + alias + "] connection #" + p.id + ", reported as a possible leak, came back from "
                    + h.holder + " after " + millis(ticker.nanos() - h.since) + " ms");
        }
    }

    void check() {
        long now = ticker.nanos();
        held.forEach((p, h) -> {
            long heldFor = now - h.since;
            if (!h.reported && heldFor >= thresholdNanos && p.state() == Physical.IN_USE) {
                h.reported = true;
                LOG.log(Level.WARNING, "[" + alias + "] connection #" + p.id + " has been in use by " + h.holder + " for "
                        + millis(heldFor) + " ms, longer than LEAK_DETECTION_THRESHOLD (" + millis(thresholdNanos)
                        + " ms): a possible leak. Close its handles and end its unit of work; it was acquired at the "
                        + "stack below", h.acquiredAt);
                record(p, h, heldFor);
            }
        });
    }

    private void record(Physical p, Held h, long heldFor) {
        if (TetherEvents.LEAK.isEnabled()) {
            TetherEvents.Leak event = new TetherEvents.Leak();
            event.alias = alias;
            event.connection = p.id;
            event.holder = h.holder;
            event.heldFor = heldFor;
            StringBuilder stack = new StringBuilder();
            for (StackTraceElement frame : h.acquiredAt.getStackTrace()) {
                stack.append(frame).append('\n');
            }
            event.acquiredAt = stack.toString();
            event.commit();
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
