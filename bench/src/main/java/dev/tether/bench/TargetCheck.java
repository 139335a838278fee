package dev.tether.bench;

import dev.tether.api.Release;
import java.util.ArrayList;
import java.util.List;

/**
 * One target, judged on one run's results: ratios inside the run, never across runs, and only between modes
 * whose clients run on the same kind of thread (issue 7's targets, and issue 16's like-with-like ones).
 *
 * @param name     what is compared
 * @param goal     the target, in words
 * @param measured the ratio or index measured
 * @param met      whether the target was met
 */
public record TargetCheck(String name, String goal, double measured, boolean met) {
    /** Issue 7: context mode with cap C serves 20x more concurrent clients than C. */
    static final int CLIENTS_PER_CONNECTION = 20;
    /** Issue 16: Jain's index over requests completed per client. */
    static final double FAIR = 0.95;

    /**
     * The targets whose modes all ran, shape by shape: Tether's thread and context modes each against HikariCP
     * on the same kind of threads (requests/s, Jain's index, longest wait); in the select shape also thread
     * against raw and per-request (the 50x per-request target is PostgreSQL's: connects cost more there) and
     * context's clients per connection.
     */
    static List<TargetCheck> judge(List<ModeResult> results, Target.Kind kind) {
        List<TargetCheck> checks = new ArrayList<>();
        for (Shape shape : results.stream().map(r -> r.scenario().shape()).distinct().toList()) {
            List<ModeResult> inShape = results.stream().filter(r -> r.scenario().shape() == shape).toList();
            for (ModeResult tether : inShape) {
                Mode peer = tether.mode().hikariPeer();
                if (peer == null) {
                    continue;
                }
                if (shape == Shape.SELECT && tether.mode() == Mode.THREAD) {
                    throughput(checks, tether, find(inShape, Mode.RAW), 0.95);
                    if (kind == Target.Kind.POSTGRESQL) {
                        throughput(checks, tether, find(inShape, Mode.PER_REQUEST), 50);
                    }
                }
                ModeResult hikari = find(inShape, peer);
                throughput(checks, tether, hikari, 1.0);
                checks.add(new TargetCheck(name(tether) + " Jain's index", ">= " + FAIR, tether.fairness().jain(),
                        tether.fairness().jain() >= FAIR));
                if (hikari != null && hikari.errors() == 0 && tether.errors() == 0) {
                    double ratio = tether.latency().longestWaitMicros() / Math.max(1, hikari.latency().longestWaitMicros());
                    checks.add(new TargetCheck(name(tether) + " / " + hikari.mode().label() + " longest wait",
                            "<= 1.00", ratio, ratio <= 1.0));
                }
            }
            ModeResult context = find(inShape, Mode.CONTEXT);
            if (shape == Shape.SELECT && context != null) {
                double ratio = (double) context.clients() / context.limit();
                boolean bounded = context.serverPeak() >= 0 && context.serverPeak() <= context.limit();
                if (ratio >= CLIENTS_PER_CONNECTION) {
                    checks.add(new TargetCheck("select: context clients / cap", ">= 20 with server peak <= cap and no errors",
                            ratio, bounded && context.errors() == 0));
                } else {
                    // too few clients to judge the 20x target; what this run can show is the bound
                    checks.add(new TargetCheck("select: context server peak / cap",
                            "<= 1 with no errors (--clients < 20 x cap)", (double) context.serverPeak() / context.limit(),
                            bounded && context.errors() == 0));
                }
            }
        }
        return checks;
    }

    /** The first result of {@code mode} (Tether's at the default release), or null when it did not run. */
    private static ModeResult find(List<ModeResult> results, Mode mode) {
        return results.stream().filter(r -> r.mode() == mode)
                .filter(r -> r.scenario().release() == null || r.scenario().release() == Release.UNIT)
                .findFirst().orElse(null);
    }

    private static String name(ModeResult r) {
        return r.scenario().shape().label() + ": " + r.scenario().label();
    }

    /** Skipped when either mode had errors: failing clients (too many connections) make the rates incomparable. */
    private static void throughput(List<TargetCheck> checks, ModeResult tether, ModeResult other, double goal) {
        if (other != null && other.requestsPerSecond() > 0 && other.errors() == 0 && tether.errors() == 0) {
            double ratio = tether.requestsPerSecond() / other.requestsPerSecond();
            checks.add(new TargetCheck(name(tether) + " / " + other.mode().label() + " req/s", ">= " + format(goal),
                    ratio, ratio >= goal));
        }
    }

    static String format(double value) {
        return value >= 10 ? String.format(java.util.Locale.ROOT, "%.0f", value) : String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
