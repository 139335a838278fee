package dev.tether.engine.testing;

import dev.tether.api.CloseReason;
import dev.tether.api.ConnectionEvent;
import dev.tether.api.TetherListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the signals, in order. */
public final class Recorder implements TetherListener {
    public final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void requestStarted() {
        events.add("started");
    }

    @Override
    public void requestFinished() {
        events.add("finished");
    }

    @Override
    public void connectionCreated(ConnectionEvent connection) {
        events.add("created #" + connection.connectionId());
    }

    @Override
    public void connectionClosed(ConnectionEvent connection, CloseReason reason) {
        events.add("closed #" + connection.connectionId() + " " + reason);
    }

    @Override
    public void transactionRolledBack(ConnectionEvent connection) {
        events.add("rolled back #" + connection.connectionId());
    }

    public long count(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }
}
