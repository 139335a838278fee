package dev.tether.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/** What one mode needs to serve requests: threads to run clients on, and a client per thread. */
interface Workload extends AutoCloseable {

    /** One client's requests, made on the thread it was created on. */
    interface Client extends AutoCloseable {
        /**
         * One request: its queries, with whatever the mode does around them.
         *
         * @return the longest time, in nanoseconds, the request waited to be handed a connection
         */
        long request() throws SQLException;

        @Override
        default void close() {
        }
    }

    /** How a request gets a connection for some of its queries, and gives it back. */
    @FunctionalInterface
    interface Lender {
        Connection borrow() throws SQLException;

        default void giveBack(Connection connection) throws SQLException {
            connection.close();
        }
    }

    static Workload of(Scenario scenario, Target target, Options options) throws SQLException {
        RequestBody body = RequestBody.of(scenario.shape(), options);
        return switch (scenario.mode()) {
            case RAW -> new RawWorkload(target, body);
            case PER_REQUEST, THREAD, CONTEXT -> TetherWorkload.of(scenario, target, options.clients(), options.cap(), body);
            case HIKARI_PLATFORM, HIKARI_VIRTUAL -> new HikariWorkload(target, options.cap(),
                    scenario.mode().virtualThreads(), body);
        };
    }

    ThreadFactory threads();

    /** Called on the client's thread before its first request. */
    Client client();

    /** Physical connections opened so far. */
    long connects();

    /** Closes every connection the mode opened. */
    @Override
    void close();

    /**
     * The request body every mode runs, in one of the {@link Shape}s.
     *
     * @param queries {@code SELECT 1} round trips on one handle (select shape)
     * @param steps   handles, one query each (steps shape)
     * @param work    the pause between two steps
     */
    record RequestBody(Shape shape, int queries, int steps, Duration work) {

        static RequestBody of(Shape shape, Options options) {
            return new RequestBody(shape, options.queriesPerRequest(), options.steps(), options.work());
        }

        /** Runs one request; returns the longest time it waited for a connection, in nanoseconds. */
        long run(Lender lender) throws SQLException {
            if (shape == Shape.SELECT) {
                return use(lender, queries);
            }
            long longest = 0;
            for (int i = 0; i < steps; i++) {
                if (i > 0) {
                    otherWork();
                }
                longest = Math.max(longest, use(lender, 1));
            }
            return longest;
        }

        // The wait is what borrow() takes: both Tether and HikariCP hand over the physical connection there.
        private static long use(Lender lender, int queries) throws SQLException {
            long start = System.nanoTime();
            Connection c = lender.borrow();
            long waited = System.nanoTime() - start;
            try {
                selectOne(c, queries);
            } finally {
                lender.giveBack(c);
            }
            return waited;
        }

        /** A call to another service: the thread blocks (a virtual thread unmounts) and holds no CPU. */
        private void otherWork() {
            try {
                Thread.sleep(work);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during the request's other work", e);
            }
        }
    }

    /** {@code queries} round trips of {@code SELECT 1}. */
    static void selectOne(Connection c, int queries) throws SQLException {
        for (int i = 0; i < queries; i++) {
            try (PreparedStatement s = c.prepareStatement("SELECT 1"); ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new SQLException("SELECT 1 did not return 1");
                }
            }
        }
    }
}
