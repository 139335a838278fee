package dev.tether.micronaut;

import dev.tether.api.TetherListener;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the request signals the engine sends. */
final class SignalCounter implements TetherListener {
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();
    volatile Runnable onFinished = () -> {
    };

    @Override
    public void requestStarted() {
        started.incrementAndGet();
    }

    @Override
    public void requestFinished() {
        onFinished.run();
        finished.incrementAndGet();
    }

    @Override
    public String toString() {
        return "started=" + started + ", finished=" + finished;
    }
}
