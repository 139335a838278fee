package dev.tether.bench;

import java.util.Arrays;

/**
 * How evenly the clients were served: requests each completed in the measured window, and Jain's fairness
 * index over them, {@code (sum x)^2 / (n * sum x^2)}: 1 when every client completed as many, 1/n when one
 * client did all the work.
 *
 * @param min    fewest requests a client completed
 * @param median the median client's requests
 * @param max    most requests a client completed
 * @param jain   Jain's index, NaN when no client completed a request
 */
public record Fairness(long min, long median, long max, double jain) {

    static Fairness of(long[] completedPerClient) {
        if (completedPerClient.length == 0) {
            return new Fairness(0, 0, 0, Double.NaN);
        }
        long[] sorted = completedPerClient.clone();
        Arrays.sort(sorted);
        double sum = 0;
        double squares = 0;
        for (long x : sorted) {
            sum += x;
            squares += (double) x * x;
        }
        double jain = squares == 0 ? Double.NaN : sum * sum / (sorted.length * squares);
        return new Fairness(sorted[0], sorted[(sorted.length - 1) / 2], sorted[sorted.length - 1], jain);
    }
}
