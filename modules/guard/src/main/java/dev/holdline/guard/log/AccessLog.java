package dev.holdline.guard.log;

import java.util.Locale;

/**
 * Where access-log lines go: the {@link System.Logger} named {@value #LOGGER_NAME}, level {@code INFO}.
 * On most containers {@code System.Logger} ends in {@code java.util.logging}, so the line goes wherever
 * the server's logging sends that logger (a separate file takes one handler on it; see docs/guard.md).
 */
public final class AccessLog {

    /** The logger's name. */
    public static final String LOGGER_NAME = "dev.holdline.guard.access";

    private static final System.Logger LOGGER = System.getLogger(LOGGER_NAME);

    private AccessLog() {
    }

    /** Whether lines are written at all (the logger is enabled for {@code INFO}); checked before building one. */
    static boolean enabled() {
        return LOGGER.isLoggable(System.Logger.Level.INFO);
    }

    static void write(AccessLogLine line) {
        LOGGER.log(System.Logger.Level.INFO, line.toString());
    }

    /** Milliseconds with three decimals, from nanoseconds. */
    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
