package dev.holdline.guard.log;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures the access log: a {@code java.util.logging} handler on the logger {@value AccessLog#LOGGER_NAME},
 * where {@code System.Logger} ends without another logging backend.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger(AccessLog.LOGGER_NAME);
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    LogCapture() {
        logger.addHandler(this);
        logger.setLevel(Level.INFO);
    }

    /** Every line so far. */
    List<String> lines() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    /** The lines containing {@code text}. */
    List<String> linesWith(String text) {
        return lines().stream().filter(line -> line.contains(text)).toList();
    }

    /** The levels of every record so far. */
    List<Level> levels() {
        return records.stream().map(LogRecord::getLevel).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
