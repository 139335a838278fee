package dev.tether.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.DatabaseWrapper;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** CONN_HEALTH_CHECKS, after Django's ConnectionHealthChecksTests. */
class HealthCheckTest {

    private static Scenario withHealthChecks(boolean on) {
        return new Scenario(b -> b.maxAge(DatabaseSettings.UNLIMITED).healthChecks(on));
    }

    @Test
    void newConnectionIsNotPinged() throws SQLException {
        try (Scenario s = withHealthChecks(true)) {
            s.request("select 1");
            assertEquals(0, s.backend.pings.get());
        }
    }

    @Test
    void reusedConnectionIsPingedOnceAtItsFirstUseInARequest() throws SQLException {
        try (Scenario s = withHealthChecks(true)) {
            s.request("select 1");
            s.tether.requestStarted();
            assertEquals(0, s.backend.pings.get(), "no ping before the connection is used");
            s.query("select 2");
            s.query("select 3");
            s.tether.requestFinished();
            assertEquals(1, s.backend.pings.get());
            s.request("select 4");
            assertEquals(2, s.backend.pings.get());
            assertEquals(1, s.backend.opened());
        }
    }

    @Test
    void deadReusedConnectionIsReplacedTransparently() throws SQLException {
        try (Scenario s = withHealthChecks(true)) {
            s.request("select 1");
            s.current().kill();
            s.request("select 2"); // does not throw
            assertEquals(2, s.backend.opened());
            assertTrue(s.backend.connections.getFirst().closed);
            assertTrue(s.signals.events.contains("closed #1 HEALTH_CHECK"));
            assertEquals("select 2", s.current().executed.getLast());
        }
    }

    @Test
    void withoutHealthChecksADeadConnectionFailsOneRequestOnly() throws SQLException {
        try (Scenario s = withHealthChecks(false)) {
            s.request("select 1");
            s.current().kill();
            org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> s.request("select 2"));
            s.request("select 3");
            assertEquals(0, s.backend.pings.get());
            assertEquals(2, s.backend.opened());
        }
    }

    @Test
    void aRequestThatNeverFinishedEndsAtTheNextStartWithItsUsabilityCheck() throws SQLException {
        try (Scenario s = withHealthChecks(true)) {
            s.tether.requestStarted();
            org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> s.query("fail 42601"));
            // No finish: Django's signals do not nest, so the next start ends that request, checking the connection.
            s.tether.requestStarted();
            assertEquals(1, s.backend.pings.get());
            assertFalse(s.tether.wrapper("default").healthCheckDone(), "a new request: its health check is due");
            s.query("select 2");
            s.query("select 3");
            assertEquals(2, s.backend.pings.get(), "one health check in the new request, however many handles");
            s.tether.requestFinished();
            assertEquals(1, s.backend.opened());
        }
    }

    @Test
    void healthCheckDoneResetsAtEachBoundary() throws SQLException {
        try (Scenario s = withHealthChecks(true)) {
            DatabaseWrapper wrapper = s.tether.wrapper("default");
            s.tether.requestStarted();
            s.query("select 1");
            assertTrue(wrapper.healthCheckDone(), "a new connection counts as checked");
            s.tether.requestFinished();
            assertFalse(wrapper.healthCheckDone());
        }
    }

    @Test
    void setAutocommitRunsTheHealthCheckFirst() throws SQLException {
        try (Scenario s = withHealthChecks(true)) {
            s.request("select 1");
            s.current().kill();
            s.tether.requestStarted();
            DatabaseWrapper wrapper = s.tether.wrapper("default");
            wrapper.setAutocommit(false);
            assertEquals(2, s.backend.opened());
            wrapper.setAutocommit(true);
            s.tether.requestFinished();
        }
    }

    @Test
    void disabledHealthChecksNeverPing() throws SQLException {
        try (Scenario s = withHealthChecks(false)) {
            for (int i = 0; i < 5; i++) {
                s.request("select " + i);
            }
            assertEquals(0, s.backend.pings.get());
        }
    }

    @Test
    void contextPersistencePingsOncePerRequestHoweverManyHandles() throws Exception {
        try (Scenario s = new Scenario(b -> b.maxAge(DatabaseSettings.UNLIMITED).healthChecks(true)
                .persistence(dev.tether.api.Persistence.CONTEXT))) {
            for (int request = 0; request < 3; request++) {
                s.tether.inContext(() -> {
                    s.query("select 1");
                    s.query("select 2");
                    s.query("select 3");
                    return null;
                });
            }
            assertEquals(1, s.backend.opened());
            assertEquals(2, s.backend.pings.get(), "no ping for the new connection, then one per reused request");
        }
    }
}
