package dev.tether.testing.servers;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The most sessions the server listed for one database while the test ran, sampled every 5 ms on a thread and an
 * admin connection of its own. A session counts only if two consecutive samples both list it: the server goes on
 * listing a session for a moment after its client closed it (PostgreSQL's backend and MariaDB's thread end
 * asynchronously), so a pool that closes one connection before opening the next could otherwise be seen one over
 * its cap.
 */
public final class ServerPeak implements AutoCloseable {
    private static final long PERIOD_NANOS = 5_000_000;
    private static final int ENOUGH_SAMPLES = 3;

    private final ServerAdmin admin;
    private final String database;
    private final Thread thread;
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger samples = new AtomicInteger();
    private volatile boolean running = true;
    private volatile SQLException failure;

    private ServerPeak(ServerAdmin admin, String database) {
        this.admin = admin;
        this.database = database;
        this.thread = Thread.ofPlatform().daemon().name("server-peak-" + database).start(this::sample);
    }

    /** Starts sampling the sessions {@code server} lists for {@code database}. */
    public static ServerPeak watch(Server server, String database) throws SQLException {
        return new ServerPeak(new ServerAdmin(server), database);
    }

    private void sample() {
        Set<Long> previous = Set.of();
        while (running) {
            try {
                List<Long> now = admin.sessionIds(database);
                Set<Long> lasting = new HashSet<>(now);
                lasting.retainAll(previous);
                peak.accumulateAndGet(lasting.size(), Math::max);
                previous = Set.copyOf(now);
                samples.incrementAndGet();
            } catch (SQLException e) {
                failure = e;
                return;
            }
            LockSupport.parkNanos(PERIOD_NANOS);
        }
    }

    /** The most sessions seen so far, after at least a few samples; fails if sampling failed. */
    public int peak() throws SQLException {
        while (samples.get() < ENOUGH_SAMPLES && failure == null && thread.isAlive()) {
            LockSupport.parkNanos(PERIOD_NANOS);
        }
        if (failure != null) {
            throw new SQLException("sampling the sessions of " + database + " failed after " + samples + " samples",
                    failure);
        }
        return peak.get();
    }

    /** How many samples were taken. */
    public int samples() {
        return samples.get();
    }

    @Override
    public void close() throws SQLException {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close();
    }
}
