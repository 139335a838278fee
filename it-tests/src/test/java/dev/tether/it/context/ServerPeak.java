package dev.tether.it.context;

import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The highest number of connections the server listed for one database, sampled every 20 ms on a thread
 * and an admin connection of its own while the test runs.
 */
public final class ServerPeak implements AutoCloseable {
    private static final long PERIOD_MILLIS = 20;

    private final ServerAdmin admin;
    private final String database;
    private final ScheduledExecutorService sampler;
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger samples = new AtomicInteger();
    private volatile SQLException failure;

    private ServerPeak(ServerAdmin admin, String database) {
        this.admin = admin;
        this.database = database;
        this.sampler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("server-peak-" + database).factory());
        sampler.scheduleAtFixedRate(this::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    public static ServerPeak watch(Server server, String database) throws SQLException {
        return new ServerPeak(new ServerAdmin(server), database);
    }

    private void sample() {
        try {
            peak.accumulateAndGet(admin.connectionsTo(database), Math::max);
            samples.incrementAndGet();
        } catch (SQLException e) {
            failure = e;
            throw new IllegalStateException(e); // stops the schedule; peak() reports it
        }
    }

    /** The highest count seen so far; fails if sampling failed, since a peak from too few samples proves nothing. */
    public int peak() throws SQLException {
        if (failure != null) {
            throw new SQLException("sampling connections to " + database + " failed after " + samples + " samples",
                    failure);
        }
        return peak.get();
    }

    public int samples() {
        return samples.get();
    }

    @Override
    public void close() throws SQLException {
        sampler.shutdown(); // lets a sample in flight finish on the admin connection
        try {
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close();
    }
}
