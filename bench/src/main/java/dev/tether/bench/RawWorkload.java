package dev.tether.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/** The reference: each platform thread opens one JDBC connection and keeps it, with nothing around the queries. */
final class RawWorkload implements Workload {
    private final Target target;
    private final int queries;
    private final AtomicLong connects = new AtomicLong();

    RawWorkload(Target target, int queries) {
        this.target = target;
        this.queries = queries;
    }

    @Override
    public ThreadFactory threads() {
        return Thread.ofPlatform().name("raw-", 0).factory();
    }

    @Override
    public Client client() {
        return new Client() {
            private Connection connection;

            @Override
            public void request() throws SQLException {
                if (connection == null) {
                    connects.incrementAndGet();
                    connection = target.connect();
                }
                try {
                    Workload.selectOne(connection, queries);
                } catch (SQLException e) {
                    close();
                    throw e;
                }
            }

            @Override
            public void close() {
                if (connection != null) {
                    try {
                        connection.close();
                    } catch (SQLException ignored) {
                        // Discarded after a failure or at the end of the run; a new one is opened if needed.
                    }
                    connection = null;
                }
            }
        };
    }

    @Override
    public long connects() {
        return connects.get();
    }

    @Override
    public void close() {
        // Each client closes its own connection when its thread stops.
    }
}
