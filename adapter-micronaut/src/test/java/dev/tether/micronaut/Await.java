package dev.tether.micronaut;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls for a condition with a deadline; fails saying what was awaited and what was last seen. */
final class Await {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        until(what, condition, () -> "");
    }

    static void until(String what, BooleanSupplier condition, Supplier<?> lastSeen) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what + "; last seen: "
                        + lastSeen.get());
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
