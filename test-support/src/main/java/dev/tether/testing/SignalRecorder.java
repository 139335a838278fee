package dev.tether.testing;

import dev.tether.api.CloseReason;
import dev.tether.api.ConnectionEvent;
import dev.tether.api.TetherListener;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Records what Tether signalled, from any thread. */
public final class SignalRecorder implements TetherListener {
    private final AtomicInteger requestsStarted = new AtomicInteger();
    private final AtomicInteger requestsFinished = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger rolledBack = new AtomicInteger();
    private final Queue<CloseReason> closed = new ConcurrentLinkedQueue<>();
    private volatile Runnable onRequestFinished = () -> {
    };

    @Override
    public void requestStarted() {
        requestsStarted.incrementAndGet();
    }

    /** Runs the {@link #onRequestFinished} hook first, so a test can see what was true when the signal came. */
    @Override
    public void requestFinished() {
        onRequestFinished.run();
        requestsFinished.incrementAndGet();
    }

    @Override
    public void connectionCreated(ConnectionEvent connection) {
        created.incrementAndGet();
    }

    @Override
    public void connectionClosed(ConnectionEvent connection, CloseReason reason) {
        closed.add(reason);
    }

    @Override
    public void transactionRolledBack(ConnectionEvent connection) {
        rolledBack.incrementAndGet();
    }

    /** Runs {@code hook} on every "request finished", before it is counted. */
    public void onRequestFinished(Runnable hook) {
        onRequestFinished = hook;
    }

    public int requestsStarted() {
        return requestsStarted.get();
    }

    public int requestsFinished() {
        return requestsFinished.get();
    }

    public int connectionsCreated() {
        return created.get();
    }

    public int transactionsRolledBack() {
        return rolledBack.get();
    }

    /** How many connections were closed for {@code reason}. */
    public long closed(CloseReason reason) {
        return closed.stream().filter(reason::equals).count();
    }

    /** How many connections were closed, by reason. */
    public Map<CloseReason, Long> closedByReason() {
        return List.copyOf(closed).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Override
    public String toString() {
        return "started=" + requestsStarted + ", finished=" + requestsFinished + ", created=" + created + ", closed="
                + closedByReason() + ", rolledBack=" + rolledBack;
    }
}
