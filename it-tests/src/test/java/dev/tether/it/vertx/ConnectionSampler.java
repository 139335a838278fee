package dev.tether.it.vertx;

import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** Samples, on a thread and an admin connection of its own, how many sessions the server lists for a database. */
final class ConnectionSampler implements AutoCloseable {
    private final ServerAdmin admin;
    private final String database;
    private final Thread thread;
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger samples = new AtomicInteger();
    private volatile boolean running = true;
    private volatile SQLException failure;

    ConnectionSampler(Server server, String database) throws SQLException {
        this.admin = new ServerAdmin(server);
        this.database = database;
        this.thread = Thread.ofPlatform().daemon().name("sessions-of-" + database).start(this::sample);
    }

    private void sample() {
        while (running) {
            try {
                peak.accumulateAndGet(admin.connectionsTo(database), Math::max);
                samples.incrementAndGet();
            } catch (SQLException e) {
                failure = e;
                return;
            }
            LockSupport.parkNanos(5_000_000);
        }
    }

    /** The most sessions seen; fails if sampling failed or saw too little to prove anything. */
    int peak() throws SQLException {
        if (failure != null) {
            throw new SQLException("sampling sessions of " + database + " failed after " + samples + " samples", failure);
        }
        if (samples.get() < 3) {
            throw new IllegalStateException("only " + samples + " samples of the sessions of " + database);
        }
        return peak.get();
    }

    int samples() {
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
