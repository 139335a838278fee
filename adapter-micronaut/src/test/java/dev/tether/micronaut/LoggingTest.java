package dev.tether.micronaut;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** In a Micronaut app, Tether's System.Logger lines reach Logback with no setup of the user's, DEBUG included. */
class LoggingTest {

    @Test
    void tetherLinesReachLogbackAtTheirLevels() throws Exception {
        Logger tetherLogger = (Logger) LoggerFactory.getLogger("dev.tether");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        tetherLogger.addAppender(appender);
        Level previous = tetherLogger.getLevel();
        tetherLogger.setLevel(Level.DEBUG);
        try (TestApp app = new TestApp("logging", Map.of())) {
            try (Connection c = app.tether().connection("default")) {
                c.isValid(1); // outside any request: Tether warns once that no unit of work keeps the session
            }
        } finally {
            tetherLogger.setLevel(previous);
            tetherLogger.detachAppender(appender);
        }
        assertTrue(appender.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
                && e.getLoggerName().equals("dev.tether.engine")
                && e.getFormattedMessage().contains("[default] a connection was used outside a unit of work")),
                appender.list.toString());
        assertTrue(appender.list.stream().anyMatch(e -> e.getLevel() == Level.DEBUG
                && e.getFormattedMessage().contains("[default] opened connection #1")), appender.list.toString());
    }
}
