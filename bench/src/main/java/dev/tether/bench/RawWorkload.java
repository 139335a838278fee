package dev.tether.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/** The reference: each platform thread opens one JDBC connection and keeps it, with nothing around the queries. */
final class RawWorkload implements Workload {
    private final Target target;
    private final RequestBody body;
    private final AtomicLong connects = new AtomicLong();

    RawWorkload(Target target, RequestBody body) {
        this.target = target;
        this.body = body;
    }

    @Override
    public ThreadFactory threads() {
        return Thread.ofPlatform().name("raw-", 0).factory();
    }

    @Override
    public Client client() {
        return new Client() {
            private Connection connection;
            // the client's own connection: nothing to wait for, and kept open between steps and requests
            private final Lender own = new Lender() {
                @Override
                public Connection borrow() {
                    return connection;
                }

                @Override
                public void giveBack(Connection c) {
                }
            };

            @Override
            public long request() throws SQLException {
                if (connection == null) {
                    connects.incrementAndGet();
                    connection = target.connect();
                }
                try {
                    return body.run(own);
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
