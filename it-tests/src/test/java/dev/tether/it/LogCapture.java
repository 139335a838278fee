package dev.tether.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every line Tether logs through System.Logger (java.util.logging by default) while open, with its level; closing
 * restores the logger.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger tetherLogger = Logger.getLogger("dev.tether");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Throwable> thrown = new CopyOnWriteArrayList<>();
    private final Level previous;
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + record.getMessage()
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
            if (record.getThrown() != null) {
                thrown.add(record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public LogCapture() {
        previous = tetherLogger.getLevel();
        tetherLogger.setLevel(Level.ALL);
        tetherLogger.addHandler(capture);
    }

    /** The lines so far, each starting with its level ("WARNING [default] ..."). */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The throwables logged so far, with their stacks. */
    public List<Throwable> thrown() {
        return List.copyOf(thrown);
    }

    @Override
    public void close() {
        tetherLogger.removeHandler(capture);
        tetherLogger.setLevel(previous);
    }
}
