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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Tether logs through System.Logger (java.util.logging by default): opens and closes with reasons, never a password. */
class LoggingTest {
    private static final String PASSWORD = "pw-that-must-not-leak";
    private final Logger tetherLogger = Logger.getLogger("dev.tether");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage() + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previous;

    @BeforeEach
    void captureEverything() {
        previous = tetherLogger.getLevel();
        tetherLogger.setLevel(Level.ALL);
        tetherLogger.addHandler(capture);
    }

    @AfterEach
    void restore() {
        tetherLogger.removeHandler(capture);
        tetherLogger.setLevel(previous);
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
        assertTrue(lines.stream().anyMatch(l -> l.contains("[default] opened connection #1")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("[default] closed connection #1 (SHUTDOWN)")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("rolled back")), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains(PASSWORD)), lines.toString());
    }
}
