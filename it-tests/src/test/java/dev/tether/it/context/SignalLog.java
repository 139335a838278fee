package dev.tether.it.context;

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

/** What Tether signalled, from any thread. */
final class SignalLog implements TetherListener {
    private final AtomicInteger requestsStarted = new AtomicInteger();
    private final AtomicInteger requestsFinished = new AtomicInteger();
    private final AtomicInteger rolledBack = new AtomicInteger();
    private final Queue<CloseReason> closed = new ConcurrentLinkedQueue<>();

    @Override
    public void requestStarted() {
        requestsStarted.incrementAndGet();
    }

    @Override
    public void requestFinished() {
        requestsFinished.incrementAndGet();
    }

    @Override
    public void connectionClosed(ConnectionEvent connection, CloseReason reason) {
        closed.add(reason);
    }

    @Override
    public void transactionRolledBack(ConnectionEvent connection) {
        rolledBack.incrementAndGet();
    }

    int requestsStarted() {
        return requestsStarted.get();
    }

    int requestsFinished() {
        return requestsFinished.get();
    }

    int transactionsRolledBack() {
        return rolledBack.get();
    }

    /** How many connections were closed, by reason. */
    Map<CloseReason, Long> closedByReason() {
        return List.copyOf(closed).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
