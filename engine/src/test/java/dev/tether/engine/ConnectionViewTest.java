package dev.tether.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The java.sql.Connection callers get: release on close, stand-in when retired, errors and session changes tracked. */
class ConnectionViewTest {

    private static Scenario persistent() {
        return Scenario.maxAge(DatabaseSettings.UNLIMITED);
    }

    @Test
    void closingTheHandleKeepsThePhysicalConnection() throws SQLException {
        try (Scenario s = persistent()) {
            s.tether.requestStarted();
            Connection c = s.tether.connection("default");
            c.close();
            assertTrue(c.isClosed());
            assertFalse(s.current().closed);
            s.tether.requestFinished();
        }
    }

    @Test
    void handleEndsWithItsRequestAndBecomesAClosedStandIn() throws SQLException {
        try (Scenario s = persistent()) {
            s.tether.requestStarted();
            Connection c = s.tether.connection("default");
            Statement statement = c.createStatement();
            s.tether.requestFinished();
            assertTrue(c.isClosed());
            assertFalse(c.isValid(1));
            SQLException error = assertThrows(SQLException.class, c::createStatement);
            assertTrue(error.getMessage().contains("[default]"), error.getMessage());
            assertThrows(SQLException.class, () -> statement.execute("select 1"));
            c.close(); // closing a stand-in is allowed
        }
    }

    @Test
    void handleToARetiredConnectionIsAClosedStandIn() throws SQLException {
        try (Scenario s = persistent()) {
            s.tether.requestStarted();
            Connection c = s.tether.connection("default");
            s.tether.wrapper("default").close();
            assertTrue(c.isClosed());
            SQLException error = assertThrows(SQLException.class, () -> c.setAutoCommit(false));
            assertTrue(error.getMessage().contains("[default]"));
            s.tether.requestFinished();
        }
    }

    @Test
    void statementsLeadBackToTheHandleAndTheirErrorsAreClassified() throws SQLException {
        try (Scenario s = persistent()) {
            s.tether.requestStarted();
            try (Connection c = s.tether.connection("default"); Statement statement = c.createStatement()) {
                assertSame(c, statement.getConnection());
                assertThrows(SQLException.class, () -> statement.execute("fail 42P01"));
                assertTrue(s.tether.wrapper("default").errorsOccurred());
                try (var prepared = c.prepareStatement("fail 22003")) {
                    assertThrows(SQLException.class, prepared::executeUpdate);
                }
            }
            s.tether.requestFinished();
            assertEquals(1, s.backend.pings.get());
        }
    }

    @Test
    void openTransactionAtRequestEndIsRolledBackAndReported() throws SQLException {
        try (Scenario s = new Scenario(b -> b.maxAge(DatabaseSettings.UNLIMITED).autocommit(false))) {
            s.tether.requestStarted();
            s.query("insert 1");
            s.tether.requestFinished();
            assertTrue(s.current().uncommitted.isEmpty());
            assertEquals(1, s.current().rollbacks);
            assertTrue(s.signals.events.contains("rolled back #1"));
            assertFalse(s.current().closed);
            s.request("select 1");
            assertEquals(1, s.backend.opened());
        }
    }

    @Test
    void transactionOpenedWithSqlIsRolledBackAtRequestEnd() throws SQLException {
        try (Scenario s = persistent()) {
            s.tether.requestStarted();
            s.query("begin");
            s.query("insert 1");
            s.tether.requestFinished();
            assertTrue(s.current().uncommitted.isEmpty());
            assertFalse(s.current().sqlTransaction);
            assertTrue(s.signals.events.contains("rolled back #1"));
        }
    }

    @Test
    void contextKeepsAConnectionWhoseSqlTransactionSpansHandles() throws Exception {
        try (Scenario s = new Scenario(b -> b.maxAge(DatabaseSettings.UNLIMITED).persistence(dev.tether.api.Persistence.CONTEXT))) {
            s.tether.inContext(() -> {
                s.query("begin");
                s.query("insert 1");
                assertEquals(1, s.tether.stats("default").inUse(), "still bound to the context");
                s.query("commit");
                return null;
            });
            assertEquals(0, s.tether.stats("default").inUse());
            assertEquals(0, s.current().rollbacks);
        }
    }

    @Test
    void committedWorkIsNotRolledBack() throws SQLException {
        try (Scenario s = new Scenario(b -> b.maxAge(DatabaseSettings.UNLIMITED).autocommit(false))) {
            s.tether.requestStarted();
            try (Connection c = s.tether.connection("default"); Statement st = c.createStatement()) {
                st.execute("insert 1");
                c.commit();
            }
            s.tether.requestFinished();
            assertEquals(0, s.current().rollbacks);
            assertEquals(0, s.signals.count("rolled back"));
        }
    }

    @Test
    void changedSessionSettingsAreResetForTheNextRequest() throws SQLException {
        try (Scenario s = persistent()) {
            s.tether.requestStarted();
            try (Connection c = s.tether.connection("default")) {
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                c.setReadOnly(true);
                c.setSchema("other");
                c.setCatalog("elsewhere");
            }
            s.tether.requestFinished();
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, s.current().isolation);
            assertFalse(s.current().readOnly);
            assertEquals("public", s.current().schema);
            assertEquals("test", s.current().catalog);
            assertFalse(s.current().closed);
        }
    }

    @Test
    void sessionThatCannotBeResetIsDropped() throws SQLException {
        try (Scenario s = persistent()) {
            s.tether.requestStarted();
            try (Connection c = s.tether.connection("default")) {
                c.setReadOnly(true);
            }
            s.current().failResets = true;
            s.tether.requestFinished();
            assertTrue(s.current().closed);
            assertTrue(s.signals.events.contains("closed #1 SESSION_RESET_FAILED"));
        }
    }

    @Test
    void dataSourceHandsOutTheCurrentPersistentConnection() throws SQLException {
        try (Scenario s = persistent()) {
            DataSource dataSource = s.tether.dataSource("default");
            s.tether.requestStarted();
            try (Connection a = dataSource.getConnection(); Statement st = a.createStatement()) {
                st.execute("select 1");
            }
            try (Connection b = dataSource.getConnection(); Statement st = b.createStatement()) {
                st.execute("select 2");
            }
            s.tether.requestFinished();
            assertEquals(1, s.backend.opened());
            assertThrows(SQLFeatureNotSupportedException.class, () -> dataSource.getConnection("u", "p"));
        }
    }

    @Test
    void errorsSeenThroughTheDataSourceCountAsErrorsOccurred() throws SQLException {
        try (Scenario s = persistent()) {
            s.tether.requestStarted();
            try (Connection c = s.tether.dataSource("default").getConnection(); Statement st = c.createStatement()) {
                assertThrows(SQLException.class, () -> st.execute("fail 42601"));
            }
            assertTrue(s.tether.wrapper("default").errorsOccurred());
            s.tether.requestFinished();
        }
    }

    @Test
    void connectFailureNamesAliasHostAndUserButNeverThePassword() {
        try (Scenario s = new Scenario(b -> b.host("db.internal").port(6543).maxAge(Duration.ZERO))) {
            s.backend.failConnectWith = "08001";
            SQLException error = assertThrows(SQLException.class, () -> s.tether.connection("default"));
            assertTrue(error.getMessage().contains("[default]"), error.getMessage());
            assertTrue(error.getMessage().contains("db.internal:6543"), error.getMessage());
            assertTrue(error.getMessage().contains("'app'"), error.getMessage());
            assertFalse(error.getMessage().contains("s3cret-pw"));
            assertEquals(0, s.tether.stats("default").open(), "a failed connect leaks nothing");
        }
    }
}
