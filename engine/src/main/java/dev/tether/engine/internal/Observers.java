package dev.tether.engine.internal;

import dev.tether.api.PoolObserver;
import java.lang.System.Logger.Level;
import java.util.Arrays;

/** The engine's pool observers, copied on write so the hot path reads one array and, when it is empty, nothing more. */
final class Observers {
    private static final System.Logger LOG = System.getLogger("dev.tether.engine");
    private static final PoolObserver[] NONE = {};

    private volatile PoolObserver[] all = NONE;

    synchronized AutoCloseable add(PoolObserver observer) {
        PoolObserver[] grown = Arrays.copyOf(all, all.length + 1);
        grown[all.length] = observer;
        all = grown;
        return () -> remove(observer);
    }

    private synchronized void remove(PoolObserver observer) {
        all = Arrays.stream(all).filter(o -> o != observer).toArray(PoolObserver[]::new);
    }

    boolean any() {
        return all.length != 0;
    }

    PoolObserver[] all() {
        return all;
    }

    static void failed(PoolObserver observer, RuntimeException e) {
        LOG.log(Level.WARNING, "Tether pool observer " + observer.getClass().getName() + " failed", e);
    }
}
