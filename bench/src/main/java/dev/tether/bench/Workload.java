package dev.tether.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadFactory;

/** What one mode needs to serve requests: threads to run clients on, and a client per thread. */
interface Workload extends AutoCloseable {

    /** One client's requests, made on the thread it was created on. */
    interface Client extends AutoCloseable {
        /** One request: its queries, with whatever the mode does around them. */
        void request() throws SQLException;

        @Override
        default void close() {
        }
    }

    static Workload of(Mode mode, Target target, Options options) throws SQLException {
        return switch (mode) {
            case RAW -> new RawWorkload(target, options.queriesPerRequest());
            case PER_REQUEST, THREAD, CONTEXT -> TetherWorkload.of(mode, target, options);
            case HIKARI -> new HikariWorkload(target, options.cap(), options.queriesPerRequest());
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

    /** The request body every mode runs: {@code queries} round trips of {@code SELECT 1}. */
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
