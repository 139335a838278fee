package dev.tether.engine;

import dev.tether.api.DatabaseSettings;
import dev.tether.testing.Await;
import dev.tether.testing.fake.FakeConnection;
import dev.tether.testing.fake.ManualTicker;
import dev.tether.testing.SignalRecorder;
import dev.tether.testing.fake.TestBackend;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** One engine over the test backend with a manual clock, and the steps scenarios are written in. */
final class Scenario implements AutoCloseable {
    final TestBackend backend = new TestBackend();
    final ManualTicker clock = new ManualTicker();
    final SignalRecorder signals = new SignalRecorder();
    final Tether tether;

    Scenario(UnaryOperator<DatabaseSettings.Builder> settings) {
        this(settings, UnaryOperator.identity());
    }

    Scenario(UnaryOperator<DatabaseSettings.Builder> settings, UnaryOperator<Tether.Builder> engine) {
        DatabaseSettings database = settings.apply(DatabaseSettings.builder("default").engine("test").name("app")
                .user("app").password("s3cret-pw")).build();
        tether = engine.apply(Tether.builder().backend(backend).ticker(clock).listener(signals)
                .reaperPeriod(Duration.ZERO).database(database)).build();
    }

    static Scenario maxAge(Duration maxAge) {
        return new Scenario(s -> s.maxAge(maxAge));
    }

    /** Runs one statement through a fresh handle, closing both. */
    void query(String sql) throws SQLException {
        try (Connection c = tether.connection("default"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A whole request that runs one statement. */
    void request(String sql) throws SQLException {
        tether.requestStarted();
        try {
            query(sql);
        } finally {
            tether.requestFinished();
        }
    }

    /** A whole request on a new platform thread, which has ended when this returns; its failure is rethrown. */
    void requestOnAnotherThread(String sql) throws Exception {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try {
                request(sql);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }).join();
        done.get();
    }

    /** Waits until no connection is in use: for units that end on threads the test does not join. */
    void awaitQuiet() {
        Await.until("no connection in use", () -> tether.stats("default").inUse() == 0, () -> tether.stats("default"));
    }

    /** Waits until a thread is inside the current connection: a statement started elsewhere runs. */
    void awaitStatementRunning() {
        Await.until("a statement running", () -> current().statementsExecuting() > 0);
    }

    FakeConnection current() {
        return backend.last();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public void close() {
        tether.close();
    }
}
