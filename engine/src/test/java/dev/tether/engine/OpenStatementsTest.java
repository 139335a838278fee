package dev.tether.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.engine.testing.FakeStatements;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Statements and result sets handed out through a handle: what they lead back to, their errors, who closes them. */
class OpenStatementsTest {

    private static Scenario persistent() {
        return Scenario.maxAge(DatabaseSettings.UNLIMITED);
    }

    @Test
    void statementsAndResultSetsARequestLeftOpenAreClosedWhenItEnds() throws SQLException {
        try (Scenario s = persistent()) {
            s.tether.requestStarted();
            Connection c = s.tether.connection("default");
            ResultSet rows = c.createStatement().executeQuery("rows 3");
            assertTrue(rows.next());
            c.prepareStatement("insert 1").executeUpdate();
            c.prepareCall("call p()").execute();
            ResultSet tables = c.getMetaData().getTables(null, null, "%", null);
            s.tether.requestFinished();

            FakeStatements made = s.current().statements;
            assertEquals(3, made.statements.size());
            assertEquals(0, made.openStatements(), "statements left open are closed");
            assertEquals(0, made.openResultSets(), "result sets left open are closed, metadata's included");
            assertTrue(rows.isClosed());
            assertTrue(tables.isClosed());
            assertThrows(SQLException.class, rows::next);
            assertFalse(s.current().closed, "the persistent connection itself stays open");
        }
    }

    @Test
    void statementsLeftOpenAreClosedWhenAContextGivesItsConnectionBack() throws Exception {
        try (Scenario s = new Scenario(b -> b.maxAge(DatabaseSettings.UNLIMITED).persistence(Persistence.CONTEXT))) {
            s.tether.inContext(() -> {
                try (Connection c = s.tether.connection("default")) {
                    c.createStatement().executeQuery("rows 1");
                }
                return null;
            });
            assertEquals(0, s.current().statements.openStatements());
            assertEquals(0, s.current().statements.openResultSets());
        }
    }

    @Test
    void closedStatementsAreNotClosedAgain() throws SQLException {
        try (Scenario s = persistent()) {
            s.tether.requestStarted();
            try (Connection c = s.tether.connection("default")) {
                for (int i = 0; i < 100_000; i++) {
                    try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery("rows 1")) {
                        rows.next();
                    }
                }
                c.createStatement(); // one left open
            }
            s.tether.requestFinished();
            FakeStatements made = s.current().statements;
            assertEquals(0, made.openStatements());
            assertEquals(0, made.repeatedCloses(), "only the statement left open was closed at request end");
        }
    }

    @Test
    void statementsAndResultSetsLeadBackToTheirHandleAndStatement() throws SQLException {
        try (Scenario s = persistent()) {
            s.tether.requestStarted();
            try (Connection c = s.tether.connection("default");
                 Statement statement = c.createStatement();
                 PreparedStatement prepared = c.prepareStatement("rows 2");
                 CallableStatement callable = c.prepareCall("rows 1")) {
                ResultSet rows = statement.executeQuery("rows 1");
                assertSame(statement, rows.getStatement());
                assertSame(prepared, prepared.executeQuery().getStatement());
                assertSame(callable, callable.executeQuery().getStatement());
                assertSame(c, statement.getConnection());
                assertSame(c, prepared.getConnection());
                assertSame(c, callable.getConnection());
                DatabaseMetaData metaData = c.getMetaData();
                assertSame(c, metaData.getConnection());

                assertSame(prepared, prepared.unwrap(PreparedStatement.class));
                assertSame(rows, rows.unwrap(ResultSet.class));
                Object driverStatement = statement.unwrap(FakeStatements.DriverObject.class);
                assertNotSame(statement, driverStatement);
                assertInstanceOf(Statement.class, driverStatement);
                assertTrue(rows.isWrapperFor(FakeStatements.DriverObject.class));
                assertFalse(rows.isWrapperFor(Map.class));
                assertTrue(callable.isWrapperFor(CallableStatement.class));
            }
            s.tether.requestFinished();
        }
    }

    @Test
    void rowsReadThroughTheResultSetAreTheDriversRows() throws SQLException {
        try (Scenario s = persistent()) {
            s.tether.requestStarted();
            try (Connection c = s.tether.connection("default"); Statement statement = c.createStatement();
                 ResultSet rows = statement.executeQuery("rows 2")) {
                assertTrue(rows.next());
                assertEquals(1, rows.getInt(1));
                assertTrue(rows.next());
                assertEquals("row 2", rows.getString(1));
                assertFalse(rows.next());
            }
            s.tether.requestFinished();
            assertEquals(0, s.current().statements.openResultSets());
        }
    }

    /** One failing call per kind of delegate; 42703 and 0A000 are neither data nor integrity errors. */
    @ParameterizedTest
    @ValueSource(strings = {"statement", "prepared", "callable", "resultSet", "metaData", "metaDataResultSet"})
    void errorsThroughEveryDelegateAreClassified(String delegate) throws SQLException {
        try (Scenario s = persistent()) {
            s.tether.requestStarted();
            try (Connection c = s.tether.connection("default")) {
                assertFalse(s.tether.wrapper("default").errorsOccurred());
                SQLException error = assertThrows(SQLException.class, () -> fail(c, delegate));
                assertTrue(s.tether.wrapper("default").errorsOccurred(), error.getSQLState() + " was not classified");
            }
            s.tether.requestFinished();
            assertEquals(1, s.backend.pings.get(), "an error other than data or integrity checks the connection");
        }
    }

    private static void fail(Connection c, String delegate) throws SQLException {
        switch (delegate) {
            case "statement" -> c.createStatement().execute("fail 42601");
            case "prepared" -> c.prepareStatement("fail 42601").executeUpdate();
            case "callable" -> c.prepareCall("fail 42601").execute();
            case "resultSet" -> {
                ResultSet rows = c.createStatement().executeQuery("rows 1");
                rows.next();
                rows.getInt(99);
            }
            case "metaData" -> c.getMetaData().getSQLKeywords();
            case "metaDataResultSet" -> c.getMetaData().getTables(null, null, "%", null).getString(99);
            default -> throw new IllegalArgumentException(delegate);
        }
    }

    @Test
    void dataErrorsThroughACallableStatementDoNotCountAsErrorsOccurred() throws SQLException {
        try (Scenario s = persistent()) {
            s.tether.requestStarted();
            try (Connection c = s.tether.connection("default")) {
                assertThrows(SQLException.class, () -> c.prepareCall("fail 22003").execute());
                assertFalse(s.tether.wrapper("default").errorsOccurred());
            }
            s.tether.requestFinished();
        }
    }

    @Test
    void callableStatementsOpenATransactionWhenAutocommitIsOff() throws SQLException {
        try (Scenario s = new Scenario(b -> b.maxAge(DatabaseSettings.UNLIMITED).autocommit(false))) {
            s.tether.requestStarted();
            try (Connection c = s.tether.connection("default"); CallableStatement call = c.prepareCall("insert 1")) {
                call.execute();
            }
            s.tether.requestFinished();
            assertEquals(1, s.current().rollbacks, "the transaction left open was rolled back");
        }
    }
}
