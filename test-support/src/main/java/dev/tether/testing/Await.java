package dev.tether.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls for a condition with a deadline; fails saying what was awaited and what was last seen. */
public final class Await {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Await() {
    }

    /** Waits up to 10 s for {@code condition}; fails naming {@code what}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, () -> "");
    }

    /** Waits up to 10 s for {@code condition}; fails naming {@code what} and what {@code lastSeen} says then. */
    public static void until(String what, BooleanSupplier condition, Supplier<?> lastSeen) {
        until(what, TIMEOUT, condition, lastSeen);
    }

    /** Waits up to {@code timeout} for {@code condition}; fails naming {@code what} and what {@code lastSeen} says then. */
    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<?> lastSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "; last seen: "
                        + lastSeen.get());
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
