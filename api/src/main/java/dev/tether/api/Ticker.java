package dev.tether.api;

/** The engine's clock for max age and idle time: monotonic nanoseconds. Inject one in tests to control time. */
@FunctionalInterface
public interface Ticker {
    /** {@link System#nanoTime()}. */
    Ticker SYSTEM = System::nanoTime;

    /**
     * The time now.
     *
     * @return monotonic nanoseconds, comparable only with this ticker's other readings
     */
    long nanos();
}
