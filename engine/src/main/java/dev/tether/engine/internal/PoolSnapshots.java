package dev.tether.engine.internal;

import dev.tether.api.PoolStats;
import java.util.Collection;
import jdk.jfr.FlightRecorder;

/** The periodic {@code dev.tether.Pool} flight-recorder event: one per alias of one engine, while it is open. */
final class PoolSnapshots implements Runnable {
    private final Collection<Pool> pools;

    private PoolSnapshots(Collection<Pool> pools) {
        this.pools = pools;
    }

    static PoolSnapshots register(Collection<Pool> pools) {
        PoolSnapshots hook = new PoolSnapshots(pools);
        FlightRecorder.addPeriodicEvent(TetherEvents.PoolSnapshot.class, hook);
        return hook;
    }

    void unregister() {
        FlightRecorder.removePeriodicEvent(this);
    }

    @Override
    public void run() {
        for (Pool pool : pools) {
            PoolStats s = pool.stats();
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
}
