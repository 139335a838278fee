package dev.tether.engine.internal;

import dev.tether.api.CloseReason;
import dev.tether.api.ConnectionEvent;
import dev.tether.api.TetherListener;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Delivers signals to listeners; one that throws is logged and the others still hear the signal. */
final class Listeners {
    private static final System.Logger LOG = System.getLogger("dev.tether.engine");

    private final List<TetherListener> listeners = new CopyOnWriteArrayList<>();

    AutoCloseable add(TetherListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void requestStarted() {
        fire(TetherListener::requestStarted);
    }

    void requestFinished() {
        fire(TetherListener::requestFinished);
    }

    void connectionCreated(ConnectionEvent event) {
        fire(l -> l.connectionCreated(event));
    }

    void connectionClosed(ConnectionEvent event, CloseReason reason) {
        fire(l -> l.connectionClosed(event, reason));
    }

    void transactionRolledBack(ConnectionEvent event) {
        fire(l -> l.transactionRolledBack(event));
    }

    private void fire(Consumer<TetherListener> signal) {
        for (TetherListener listener : listeners) {
            try {
                signal.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Tether listener " + listener.getClass().getName() + " failed", e);
            }
        }
    }
}
