package dev.tether.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One of issue 7's targets, judged on one run's results (ratios inside the run, never across runs).
 *
 * @param name     what is compared
 * @param goal     the target, in words
 * @param measured the ratio measured
 * @param met      whether the target was met
 */
public record TargetCheck(String name, String goal, double measured, boolean met) {
    /** Issue 7: context mode with cap C serves 20x more concurrent clients than C. */
    static final int CLIENTS_PER_CONNECTION = 20;

    /** The targets whose modes all ran; the 50x per-request target is PostgreSQL's (connects cost more there). */
    static List<TargetCheck> judge(List<ModeResult> results, Target.Kind kind) {
        Map<Mode, ModeResult> by = new EnumMap<>(Mode.class);
        results.forEach(r -> by.put(r.mode(), r));
        List<TargetCheck> checks = new ArrayList<>();
        ModeResult thread = by.get(Mode.THREAD);
        if (thread != null) {
            throughput(checks, thread, by.get(Mode.RAW), 0.95);
            throughput(checks, thread, by.get(Mode.HIKARI), 1.0);
            if (kind == Target.Kind.POSTGRESQL) {
                throughput(checks, thread, by.get(Mode.PER_REQUEST), 50);
            }
        }
        ModeResult context = by.get(Mode.CONTEXT);
        if (context != null) {
            double ratio = (double) context.clients() / context.limit();
            boolean bounded = context.serverPeak() >= 0 && context.serverPeak() <= context.limit();
            if (ratio >= CLIENTS_PER_CONNECTION) {
                checks.add(new TargetCheck("context clients / cap", ">= 20 with server peak <= cap and no errors", ratio,
                        bounded && context.errors() == 0));
            } else {
                // too few clients to judge the 20x target; what this run can show is the bound
                checks.add(new TargetCheck("context server peak / cap", "<= 1 with no errors (--clients < 20 x cap)",
                        (double) context.serverPeak() / context.limit(), bounded && context.errors() == 0));
            }
        }
        return checks;
    }

    /** Skipped when either mode had errors: failing clients (too many connections) make the rates incomparable. */
    private static void throughput(List<TargetCheck> checks, ModeResult thread, ModeResult other, double goal) {
        if (other != null && other.requestsPerSecond() > 0 && other.errors() == 0 && thread.errors() == 0) {
            double ratio = thread.requestsPerSecond() / other.requestsPerSecond();
            checks.add(new TargetCheck("thread / " + other.mode().label() + " req/s", ">= " + format(goal), ratio,
                    ratio >= goal));
        }
    }

    static String format(double value) {
        return value >= 10 ? String.format(java.util.Locale.ROOT, "%.0f", value) : String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
