package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.UnitOfWork;
import dev.tether.engine.Tether;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.Servers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Tether logs through System.Logger (java.util.logging by default): opens and closes with reasons, never a password. */
class LoggingTest {
    private static final String PASSWORD = "pw-that-must-not-leak";
    private LogCapture capture;

    @BeforeEach
    void captureEverything() {
        capture = new LogCapture();
    }

    @AfterEach
    void restore() {
        capture.close();
    }

    @Test
    void logsOpensClosesAndRollbacksWithoutThePassword() throws SQLException {
        Server server = Servers.postgres();
        DatabaseSettings settings = DatabaseSettings.builder("default").engine("postgresql").host(server.host())
                .port(server.port()).name(server.database()).user(server.user()).password(PASSWORD)
                .maxAge(Duration.ofMinutes(1)).autocommit(false).build();
        try (Tether tether = Tether.builder().database(settings).build()) {
            try (UnitOfWork ignored = tether.begin(); Connection c = tether.connection("default");
                 Statement s = c.createStatement()) {
                s.execute("SELECT 1");
            }
            Tether refused = Tether.builder().database(settings.toBuilder().user("tether_no_such_role").build()).build();
            assertThrows(SQLException.class, () -> refused.connection("default"));
            refused.close();
        }
        List<String> lines = capture.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("[default] opened connection #1")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("[default] closed connection #1 (SHUTDOWN)")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("rolled back")), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains(PASSWORD)), lines.toString());
    }
}
