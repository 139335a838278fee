package dev.tether.it.restarts;

import dev.tether.api.UnitOfWork;
import dev.tether.engine.Tether;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Requests as an application serves them, on {@code workers} platform threads of its own (thread persistence parks a
 * connection with each): one unit of work each, one {@code SELECT 1}. A failed request is one whose query threw.
 */
final class Requests implements AutoCloseable {
    private final Tether tether;
    private final List<ExecutorService> workers = new ArrayList<>();

    Requests(Tether tether, int workers) {
        this.tether = tether;
        for (int i = 0; i < workers; i++) {
            this.workers.add(Executors.newSingleThreadExecutor());
        }
    }

    /** Every worker holds a connection at once, so each opens its own; returns when all are parked again. */
    void openOnEveryWorker() throws Exception {
        CountDownLatch allHold = new CountDownLatch(workers.size());
        List<Future<?>> done = new ArrayList<>();
        for (ExecutorService worker : workers) {
            done.add(worker.submit(() -> {
                try (UnitOfWork request = tether.begin(); Connection connection = tether.connection("default")) {
                    selectOne(connection);
                    allHold.countDown();
                    allHold.await(30, TimeUnit.SECONDS);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    /** {@code count} requests one after another, request i on worker i mod workers; how many failed. */
    int oneAfterAnother(int count) throws Exception {
        int failed = 0;
        for (int i = 0; i < count; i++) {
            failed += workers.get(i % workers.size()).submit(this::request).get(60, TimeUnit.SECONDS) ? 0 : 1;
        }
        return failed;
    }

    /** {@code count} requests spread over the workers at once; how many failed. */
    int allAtOnce(int count) throws Exception {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(workers.get(i % workers.size()).submit(this::request));
        }
        int failed = 0;
        for (Future<Boolean> result : results) {
            failed += result.get(60, TimeUnit.SECONDS) ? 0 : 1;
        }
        return failed;
    }

    /** One request; false if its query failed. */
    boolean request() {
        try (UnitOfWork request = tether.begin(); Connection connection = tether.connection("default")) {
            selectOne(connection);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void selectOne(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
            rows.next();
        }
    }

    @Override
    public void close() {
        workers.forEach(ExecutorService::shutdownNow);
    }
}
