package io.leadhouse.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of the JVM, formatted with its arguments and any exception text, so a
 * test can assert that a secret never reached a log line.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final List<String> levels = new ArrayList<>();

    private LogCapture() {}

    /** Starts capturing at every level, DEBUG included. */
    public static LogCapture begin() {
        LogCapture capture = new LogCapture();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        capture.setContext(root.getLoggerContext());
        capture.start();
        root.addAppender(capture);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        return capture;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        event.getMDCPropertyMap().forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        for (var thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            line.append(" | ").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
        }
        lines.add(line.toString());
        levels.add(event.getLevel().toString());
    }

    /** Everything captured so far, one entry per event. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The captured lines logged at {@code level}, such as {@code "ERROR"} or {@code "WARN"}. */
    public synchronized List<String> linesAt(String level) {
        List<String> matching = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (levels.get(i).equals(level)) {
                matching.add(lines.get(i));
            }
        }
        return matching;
    }

    /** The captured lines that contain {@code text}. */
    public List<String> linesContaining(String text) {
        return lines().stream().filter(line -> line.contains(text)).toList();
    }

    @Override
    public void close() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(this);
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        stop();
    }
}
