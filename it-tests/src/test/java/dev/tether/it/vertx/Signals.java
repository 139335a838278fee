package dev.tether.it.vertx;

import dev.tether.api.CloseReason;
import dev.tether.api.ConnectionEvent;
import dev.tether.api.TetherListener;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what Tether signalled, from any thread. */
final class Signals implements TetherListener {
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();
    final AtomicInteger closedByHealthCheck = new AtomicInteger();

    @Override
    public void requestStarted() {
        started.incrementAndGet();
    }

    @Override
    public void requestFinished() {
        finished.incrementAndGet();
    }

    @Override
    public void connectionClosed(ConnectionEvent connection, CloseReason reason) {
        if (reason == CloseReason.HEALTH_CHECK) {
            closedByHealthCheck.incrementAndGet();
        }
    }
}
