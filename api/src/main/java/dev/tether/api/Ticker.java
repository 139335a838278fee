package dev.tether.api;

/** The engine's clock for max age and idle time: monotonic nanoseconds. Inject one in tests to control time. */
@FunctionalInterface
public interface Ticker {
    Ticker SYSTEM = System::nanoTime;

    long nanos();
}
