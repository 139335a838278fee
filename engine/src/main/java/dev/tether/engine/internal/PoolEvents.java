package dev.tether.engine.internal;

import dev.tether.api.CloseReason;
import dev.tether.api.PoolObserver;
import dev.tether.api.PoolStats;
import dev.tether.api.Ticker;
import dev.tether.spi.Backend;

/**
 * What one pool tells its observers ({@link PoolObserver}), the flight recorder ({@link TetherEvents}) and its leak
 * detector. The pool calls it at each transition; with nothing watching, each call reads a few fields and returns,
 * reading no clock and allocating nothing.
 */
final class PoolEvents {
    /** The start of an acquire nobody times. */
    static final long UNTIMED = Long.MIN_VALUE;

    private final String alias;
    private final Ticker ticker;
    private final Ticker clock;
    private final Observers observers;
    /** Null when LEAK_DETECTION_THRESHOLD is off. */
    private final LeakDetector leaks;

    PoolEvents(String alias, Ticker ticker, Ticker clock, Observers observers, LeakDetector leaks) {
        this.alias = alias;
        this.ticker = ticker;
        this.clock = clock;
        this.observers = observers;
        this.leaks = leaks;
    }

    /** Anyone who needs the time a connection was taken or given back. */
    private boolean watching() {
        return observers.any() || leaks != null || TetherEvents.ACQUIRED.isEnabled() || TetherEvents.RELEASED.isEnabled();
    }

    /**
     * When a connection handed out now was taken: by the exact clock for those who time its use, else by the coarse
     * one, which is enough for the holders a timeout names.
     */
    long takenAt() {
        return watching() ? ticker.nanos() : clock.nanos();
    }

    /** Before an acquire: its start for observers, or {@link #UNTIMED}. */
    long acquireStart() {
        return observers.any() ? ticker.nanos() : UNTIMED;
    }

    /** Before an acquire: the flight-recorder event timing it, or null when it is not recorded. */
    TetherEvents.Acquired beginAcquire() {
        if (!TetherEvents.ACQUIRED.isEnabled()) {
            return null;
        }
        TetherEvents.Acquired event = new TetherEvents.Acquired();
        event.begin();
        return event;
    }

    /** {@code wrapper} got {@code p} from the pool (handed over, opened or after waiting). */
    void acquired(Wrapper wrapper, Physical p, long start, TetherEvents.Acquired event) {
        if (event != null) {
            event.end();
            if (event.shouldCommit()) {
                fill(event, p);
                event.holder = wrapper.owner.describe();
                event.commit();
            }
        }
        if (start != UNTIMED) {
            long waited = ticker.nanos() - start;
            for (PoolObserver o : observers.all()) {
                try {
                    o.connectionAcquired(alias, waited);
                } catch (RuntimeException e) {
                    Observers.failed(o, e);
                }
            }
        }
        if (leaks != null) {
            leaks.track(wrapper, p);
        }
    }

    /** {@code wrapper} took back the connection it parked: an acquire with no wait. */
    void unparked(Wrapper wrapper, Physical p) {
        if (!watching()) {
            return;
        }
        p.heldSince = ticker.nanos(); // only read by those watching: the hot path without them skips the clock
        acquired(wrapper, p, observers.any() ? p.heldSince : UNTIMED, beginAcquire());
    }

    /** The holder of {@code p} let it go (or dropped it); it was taken at {@code p.heldSince}. */
    void released(Physical p) {
        if (!watching()) {
            return;
        }
        long used = ticker.nanos() - p.heldSince;
        if (TetherEvents.RELEASED.isEnabled()) {
            TetherEvents.Released event = new TetherEvents.Released();
            if (event.shouldCommit()) {
                fill(event, p);
                event.useTime = used;
                event.commit();
            }
        }
        for (PoolObserver o : observers.all()) {
            try {
                o.connectionReleased(alias, used);
            } catch (RuntimeException e) {
                Observers.failed(o, e);
            }
        }
        if (leaks != null) {
            leaks.untrack(p);
        }
    }

    /** A caller waited ACQUIRE_TIMEOUT in vain. */
    void timedOut(PoolStats stats) {
        if (TetherEvents.TIMEOUT.isEnabled()) {
            TetherEvents.AcquireTimeout event = new TetherEvents.AcquireTimeout();
            event.alias = alias;
            event.open = stats.open();
            event.cap = stats.cap();
            event.waiting = stats.waiting();
            event.commit();
        }
        for (PoolObserver o : observers.all()) {
            try {
                o.acquireTimedOut(alias);
            } catch (RuntimeException e) {
                Observers.failed(o, e);
            }
        }
    }

    /** Before opening a connection: when it started, and the event timing it when recorded. */
    record Opening(long start, TetherEvents.Opened event) {
    }

    Opening opening() {
        TetherEvents.Opened event = null;
        if (TetherEvents.OPENED.isEnabled()) {
            event = new TetherEvents.Opened();
            event.begin();
        }
        return new Opening(ticker.nanos(), event); // opening a connection costs milliseconds: this is not hot
    }

    void opened(Physical p, Opening opening) {
        if (opening.event() != null) {
            opening.event().end();
            if (opening.event().shouldCommit()) {
                fill(opening.event(), p);
                opening.event().commit();
            }
        }
        long took = ticker.nanos() - opening.start();
        for (PoolObserver o : observers.all()) {
            try {
                o.connectionOpened(alias, took);
            } catch (RuntimeException e) {
                Observers.failed(o, e);
            }
        }
    }

    void closed(Physical p, CloseReason reason) {
        if (TetherEvents.CLOSED.isEnabled()) {
            TetherEvents.Closed event = new TetherEvents.Closed();
            fill(event, p);
            event.reason = reason.name();
            event.commit();
        }
        for (PoolObserver o : observers.all()) {
            try {
                o.connectionClosed(alias, reason);
            } catch (RuntimeException e) {
                Observers.failed(o, e);
            }
        }
        if (leaks != null) {
            leaks.untrack(p);
        }
    }

    void rolledBack(Physical p) {
        if (TetherEvents.ROLLED_BACK.isEnabled()) {
            TetherEvents.RolledBack event = new TetherEvents.RolledBack();
            fill(event, p);
            event.commit();
        }
        for (PoolObserver o : observers.all()) {
            try {
                o.transactionRolledBack(alias);
            } catch (RuntimeException e) {
                Observers.failed(o, e);
            }
        }
    }

    /** CONN_HEALTH_CHECKS' ping of {@code p}, timed and reported; true when it answered. */
    boolean healthCheck(Backend backend, Physical p) {
        TetherEvents.HealthCheck event = null;
        if (TetherEvents.HEALTH_CHECK.isEnabled()) {
            event = new TetherEvents.HealthCheck();
            event.begin();
        }
        long start = ticker.nanos(); // a ping is a round trip to the server: the clock costs nothing beside it
        boolean usable = backend.isUsable(p.jdbc);
        long took = ticker.nanos() - start;
        if (event != null) {
            event.end();
            if (event.shouldCommit()) {
                fill(event, p);
                event.usable = usable;
                event.commit();
            }
        }
        for (PoolObserver o : observers.all()) {
            try {
                o.healthChecked(alias, usable, took);
            } catch (RuntimeException e) {
                Observers.failed(o, e);
            }
        }
        return usable;
    }

    /** The reaper's pass: connections in use past LEAK_DETECTION_THRESHOLD are reported. */
    void checkLeaks() {
        if (leaks != null) {
            leaks.check();
        }
    }

    private void fill(TetherEvents.ConnectionEvent event, Physical p) {
        event.alias = alias;
        event.connection = p.id;
    }
}
