package dev.tether.it.micronaut;

import dev.tether.api.TetherListener;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the request signals; registered as a bean, so the adapter hands it to the engine. */
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
