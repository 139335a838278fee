package dev.tether.bench;

import java.util.List;

/**
 * What one scenario achieved in its measured window.
 *
 * @param clients      concurrent clients
 * @param limit        the most connections the mode may open: the cap for capped modes, else the clients
 * @param requests     requests completed in the measured window
 * @param seconds      length of the measured window
 * @param latency      request latencies and the longest wait for a connection in the measured window
 * @param fairness     requests completed per client in the measured window
 * @param connects     physical connections opened during the whole scenario (warm-up included)
 * @param serverPeak   the most connections the server saw for the bench's database and user
 * @param errors       failed requests (warm-up included)
 * @param firstError   the first failure's message, or "" when none
 * @param samples      server connections over time, from the start of the scenario
 */
public record ModeResult(Scenario scenario, int clients, int limit, long requests, double seconds, Latency latency,
                         Fairness fairness, long connects, int serverPeak, long errors, String firstError,
                         List<ServerSampler.Sample> samples) {

    /**
     * Request latencies, and the longest a request waited to be handed a connection, in microseconds.
     */
    public record Latency(double p50Micros, double p99Micros, double p999Micros, double maxMicros,
                          double longestWaitMicros) {
    }

    public ModeResult {
        firstError = firstError == null ? "" : firstError;
        samples = List.copyOf(samples);
    }

    public Mode mode() {
        return scenario.mode();
    }

    public double requestsPerSecond() {
        return seconds <= 0 ? 0 : requests / seconds;
    }
}
