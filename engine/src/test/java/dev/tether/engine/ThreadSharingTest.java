package dev.tether.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.DatabaseWrapper;
import dev.tether.api.Persistence;
import dev.tether.api.ThreadSharingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Django's validate_thread_sharing, and its counter. */
class ThreadSharingTest {

    private static Throwable onAnotherThread(ThrowingRunnable task) throws InterruptedException {
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    task.run();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, r -> Thread.ofPlatform().name("worker-2").start(r)).get();
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return cause instanceof RuntimeException r && r.getCause() != null && !(r instanceof ThreadSharingException)
                    ? r.getCause() : cause;
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void wrapperUsedFromAnotherThreadFailsNamingTheAliasAndBothThreads() throws Exception {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            DatabaseWrapper wrapper = s.tether.wrapper("default");
            Throwable error = onAnotherThread(wrapper::connection);
            assertTrue(error instanceof ThreadSharingException, String.valueOf(error));
            assertTrue(error.getMessage().contains("[default]"));
            assertTrue(error.getMessage().contains(Thread.currentThread().getName()));
            assertTrue(error.getMessage().contains("worker-2"));
        }
    }

    @Test
    void handleUsedFromAnotherThreadFails() throws Exception {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            Connection c = s.tether.connection("default");
            Throwable error = onAnotherThread(c::createStatement);
            assertTrue(error instanceof ThreadSharingException, String.valueOf(error));
            c.close();
        }
    }

    @Test
    void sharingCanBeAllowedAndWithdrawn() throws Exception {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            DatabaseWrapper wrapper = s.tether.wrapper("default");
            wrapper.incThreadSharing();
            assertTrue(wrapper.allowsThreadSharing());
            assertDoesNotThrow(() -> {
                Throwable error = onAnotherThread(() -> wrapper.connection().close());
                if (error != null) {
                    throw new AssertionError(error);
                }
            });
            wrapper.decThreadSharing();
            assertFalse(wrapper.allowsThreadSharing());
            assertTrue(onAnotherThread(wrapper::connection) instanceof ThreadSharingException);
        }
    }

    @Test
    void sharingCountCannotGoBelowZero() {
        try (Scenario s = Scenario.maxAge(DatabaseSettings.UNLIMITED)) {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> s.tether.wrapper("default").decThreadSharing());
            assertTrue(error.getMessage().contains("below zero"));
        }
    }

    @Test
    void contextPersistenceFollowsTheContextAcrossThreads() throws Exception {
        try (Scenario s = new Scenario(b -> b.persistence(Persistence.CONTEXT).maxAge(DatabaseSettings.UNLIMITED))) {
            s.tether.inContext(() -> {
                DatabaseWrapper wrapper = s.tether.wrapper("default");
                assertTrue(onAnotherThread(() -> wrapper.connection().close()) == null);
                return null;
            });
        }
    }

    @Test
    void aWrapperThatAllowsSharingKeepsItsConnectionAfterItsCreatingThreadDies() throws Exception {
        try (Scenario s = new Scenario(b -> b.maxAge(DatabaseSettings.UNLIMITED).maxConnections(3))) {
            DatabaseWrapper[] shared = new DatabaseWrapper[1];
            Thread.ofPlatform().start(() -> {
                shared[0] = s.tether.wrapper("default");
                shared[0].incThreadSharing();
                try {
                    s.query("select from the creating thread");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).join(); // the creating thread has died; its wrapper was handed on (Django's test_default_connection_thread_local)
            s.tether.reap();
            s.requestOnAnotherThread("select from a new thread");
            try (Connection c = shared[0].connection()) {
                c.createStatement().execute("select through the shared wrapper");
            }
            assertEquals(2, s.backend.opened(), "the new thread did not take it");
            assertEquals("select through the shared wrapper",
                    s.backend.connections.getFirst().executed.getLast());
        }
    }
}
