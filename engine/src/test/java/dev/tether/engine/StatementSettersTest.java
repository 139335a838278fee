package dev.tether.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.api.UnitOfWork;
import dev.tether.testing.Await;
import dev.tether.testing.fake.FakeStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A prepared statement's plain setters are checked, not counted in flight, so a unit closed on another thread (which
 * {@link UnitOfWork#close()} allows) does not wait for one: the connection may be settled and handed on while a setter
 * still runs. Nothing of that setter may reach the next holder.
 */
class StatementSettersTest {

    private static Scenario oneConnection() {
        return new Scenario(b -> b.maxAge(DatabaseSettings.UNLIMITED).maxConnections(1).persistence(Persistence.CONTEXT));
    }

    @Test
    void aSetterFailingAfterItsUnitEndedElsewhereLeavesTheNextHoldersConnectionAlone() throws Exception {
        try (Scenario s = oneConnection()) {
            CountDownLatch resume = new CountDownLatch(1);
            AtomicBoolean inside = new AtomicBoolean();
            CompletableFuture<UnitOfWork> workerUnit = new CompletableFuture<>();
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread worker = Thread.ofPlatform().start(() -> {
                try {
                    workerUnit.complete(s.tether.begin());
                    Connection c = s.tether.connection("default");
                    PreparedStatement statement = c.prepareStatement("select ?");
                    s.current().beforeStatementCall = name -> { // held after Tether's check, before the driver's
                        inside.set(true);
                        await(resume);
                    };
                    statement.setInt(1, 42);
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            Await.until("the setter inside the driver", inside::get);
            s.current().beforeStatementCall = name -> {
            };
            workerUnit.get().close(); // here, not on the worker's thread: settled (its statement closed) and given back

            UnitOfWork next = s.tether.begin();
            try (Connection c = s.tether.connection("default")) {
                assertEquals(1, s.backend.opened(), "the next holder has the same connection");
                resume.countDown(); // the driver now finds its statement closed and says so
                worker.join(10_000);
                assertInstanceOf(SQLException.class, outcome.get(), "the late setter fails");
                assertFalse(s.tether.wrapper("default").errorsOccurred(),
                        "the late setter's error marked the next holder's connection");
                c.createStatement().execute("select 1");
            } finally {
                next.close();
            }
            assertEquals(0, s.backend.pings.get(), "no error occurred in the next holder's unit: nothing to check");
        }
    }

    @Test
    void aUnitEndingElsewhereWaitsForATimestampSetter() throws Exception {
        try (Scenario s = oneConnection()) {
            AtomicReference<Boolean> closedUnderSetter = new AtomicReference<>();
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread worker = Thread.ofPlatform().start(() -> {
                try {
                    UnitOfWork unit = s.tether.begin();
                    Connection c = s.tether.connection("default");
                    PreparedStatement statement = c.prepareStatement("select ?");
                    FakeStatements.Made made = s.current().statements.statements.getLast();
                    s.current().beforeStatementCall = name -> {
                        Thread closer = Thread.ofPlatform().start(unit::close);
                        // Either it waits for this call, or it settles the connection (closing the statement) under it.
                        Await.until("the unit's end waiting or done", () -> closer.getState() == Thread.State.TIMED_WAITING
                                || closer.getState() == Thread.State.TERMINATED, closer::getState);
                        if (closer.getState() == Thread.State.TERMINATED) {
                            join(closer); // so its close of the statement is seen
                        }
                        closedUnderSetter.set(made.closed);
                    };
                    statement.setTimestamp(1, new Timestamp(0));
                    s.current().beforeStatementCall = name -> {
                    };
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            worker.join(20_000);
            assertFalse(closedUnderSetter.get(), "the unit's end settled the connection while a setter was inside the driver");
            assertNull(outcome.get(), "the setter ran before the unit ended");
            s.awaitQuiet();
            assertEquals(0, s.current().statements.openStatements(), "settled once the setter returned");
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("never resumed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
