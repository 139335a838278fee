package dev.tether.engine.internal;

import dev.tether.api.PoolStats;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jfr.FlightRecorder;

/**
 * The periodic {@code dev.tether.Pool} flight-recorder event: one per alias of every open engine. The recorder keeps
 * one hook per event class, so a single static hook serves all engines; each registers while it is open.
 */
final class PoolSnapshots {
    private static final Set<PoolSnapshots> OPEN = ConcurrentHashMap.newKeySet();

    static {
        FlightRecorder.addPeriodicEvent(TetherEvents.PoolSnapshot.class, PoolSnapshots::emitAll);
    }

    private final Collection<Pool> pools;

    private PoolSnapshots(Collection<Pool> pools) {
        this.pools = pools;
    }

    static PoolSnapshots register(Collection<Pool> pools) {
        PoolSnapshots engine = new PoolSnapshots(pools);
        OPEN.add(engine);
        return engine;
    }

    void unregister() {
        OPEN.remove(this);
    }

    private static void emitAll() {
        for (PoolSnapshots engine : OPEN) {
            for (Pool pool : engine.pools) {
                emit(pool.stats());
            }
        }
    }

    private static void emit(PoolStats s) {
        TetherEvents.PoolSnapshot event = new TetherEvents.PoolSnapshot();
        event.alias = s.alias();
        event.cap = s.cap();
        event.open = s.open();
        event.inUse = s.inUse();
        event.parked = s.parked();
        event.reservoir = s.reservoir();
        event.waiting = s.waiting();
        event.opened = s.opened();
        event.closed = s.closed();
        event.commit();
    }
}
