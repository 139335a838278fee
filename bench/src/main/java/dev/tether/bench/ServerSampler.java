package dev.tether.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Counts, from an admin connection of its own, the connections the server sees for the target's database
 * and user, every {@link #PERIOD}. Samples go to the series being {@link #track tracked}.
 */
final class ServerSampler implements AutoCloseable {
    static final Duration PERIOD = Duration.ofMillis(100);
    private static final System.Logger LOG = System.getLogger("dev.tether.bench");

    private final Target target;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("server-sampler").factory());
    private Connection admin;
    private List<Sample> series = new ArrayList<>();
    private long seriesStart = System.nanoTime();
    private volatile int latest = -1;

    /** One observation: milliseconds since the series began, connections seen by the server. */
    record Sample(long millis, int connections) {
    }

    ServerSampler(Target target) throws SQLException {
        this.target = target;
        this.admin = target.connect();
        timer.scheduleAtFixedRate(this::sample, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts a new series at time zero; it fills until the next call. */
    synchronized void track() {
        series = new ArrayList<>();
        seriesStart = System.nanoTime();
    }

    /** The samples of the series being tracked, so far. */
    synchronized List<Sample> current() {
        return List.copyOf(series);
    }

    /** The last count, or -1 before the first one. */
    int latest() {
        return latest;
    }

    /** Counts now, on the caller's thread, with a connection of its own. */
    int countNow() throws SQLException {
        try (Connection c = target.connect()) {
            return count(c) - 1; // the query leaves out its own connection; this leaves out the sampler's admin one
        }
    }

    /** Polls until the server sees no connection of ours (those of the previous mode are gone), or the deadline passes. */
    boolean awaitIdle(Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (countNow() <= 0) {
                return true;
            }
            Thread.sleep(PERIOD);
        }
        return false;
    }

    private int count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(target.kind().countSql)) {
            s.setString(1, target.settings().name());
            s.setString(2, target.serverUser());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void sample() {
        try {
            if (admin == null) {
                admin = target.connect();
            }
            int n = count(admin);
            latest = n;
            synchronized (this) {
                series.add(new Sample((System.nanoTime() - seriesStart) / 1_000_000, n));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not count server connections on " + target + ": " + e.getMessage());
            closeAdmin();
        }
    }

    private void closeAdmin() {
        if (admin != null) {
            try {
                admin.close();
            } catch (SQLException ignored) {
                // The admin connection is being replaced; nothing depends on closing it cleanly.
            }
            admin = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        closeAdmin();
    }
}
