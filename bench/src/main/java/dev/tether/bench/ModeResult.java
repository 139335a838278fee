package dev.tether.bench;

import java.util.List;

/**
 * What one mode achieved in its measured window.
 *
 * @param clients       concurrent clients
 * @param limit         the most connections the mode may open: the cap for capped modes, else the clients
 * @param requests      requests completed in the measured window
 * @param seconds       length of the measured window
 * @param p50Micros     median request latency
 * @param p99Micros     99th percentile request latency
 * @param connects      physical connections opened during the whole mode (warm-up included)
 * @param serverPeak    the most connections the server saw for the bench's database and user
 * @param errors        failed requests (warm-up included)
 * @param firstError    the first failure's message, or "" when none
 * @param samples       server connections over time, from the start of the mode
 */
public record ModeResult(Mode mode, int clients, int limit, long requests, double seconds, double p50Micros,
                         double p99Micros, long connects, int serverPeak, long errors, String firstError,
                         List<ServerSampler.Sample> samples) {

    public ModeResult {
        firstError = firstError == null ? "" : firstError;
        samples = List.copyOf(samples);
    }

    public double requestsPerSecond() {
        return seconds <= 0 ? 0 : requests / seconds;
    }
}
