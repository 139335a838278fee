package dev.tether.engine.internal;

import dev.tether.api.DatabaseSettings;
import java.time.Duration;
import java.util.List;

/** How often the reaper runs when leak detection is on: often enough that a leak is reported soon after its threshold. */
final class LeakChecks {
    private static final Duration FLOOR = Duration.ofMillis(100);

    private LeakChecks() {
    }

    /** The reaper period, shortened to a quarter of the shortest LEAK_DETECTION_THRESHOLD (at least 100 ms). */
    static Duration period(Duration reaperPeriod, List<DatabaseSettings> databases) {
        Duration period = reaperPeriod;
        for (DatabaseSettings settings : databases) {
            Duration threshold = settings.leakDetectionThreshold();
            if (!threshold.isZero()) {
                Duration quarter = threshold.dividedBy(4);
                period = min(period, quarter.compareTo(FLOOR) < 0 ? FLOOR : quarter);
            }
        }
        return period;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
