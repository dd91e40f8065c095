package dev.holdline.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Parses the short duration syntax used in Holdline's query parameters and configuration:
 * {@code 30} (seconds), {@code 30s}, {@code 500ms}, {@code 2m} and {@code 1h}.
 *
 * <p>The syntax is deliberately narrow (a whole non-negative number and one lower-case unit, no sign,
 * no fraction, no whitespace, no combinations like {@code 1m30s}) so that a typo is an error rather than
 * a surprising wait.
 */
public final class Durations {

    /** The accepted forms, quoted in every error message. */
    public static final String ACCEPTED_FORMS =
            "a non-negative whole number of seconds ('30') or one with a unit: '30s', '500ms', '2m', '1h'";

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException naming the input and the accepted forms if it is malformed or
     *                                  too large for a {@link Duration}
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        int digitsEnd = 0;
        while (digitsEnd < text.length() && text.charAt(digitsEnd) >= '0' && text.charAt(digitsEnd) <= '9') {
            digitsEnd++;
        }
        if (digitsEnd == 0) {
            throw invalid(text, null);
        }
        long amount;
        try {
            amount = Long.parseLong(text.substring(0, digitsEnd));
        } catch (NumberFormatException tooManyDigits) {
            throw invalid(text, tooManyDigits);
        }
        String unit = text.substring(digitsEnd);
        try {
            switch (unit) {
                case "":
                case "s":
                    return Duration.ofSeconds(amount);
                case "ms":
                    return Duration.ofMillis(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                case "h":
                    return Duration.ofHours(amount);
                default:
                    throw invalid(text, null);
            }
        } catch (ArithmeticException overflow) {
            throw invalid(text, overflow);
        }
    }

    private static IllegalArgumentException invalid(String text, Exception cause) {
        String reason = cause == null ? "" : " (too large)";
        return new IllegalArgumentException("Invalid duration '" + text + "'" + reason + ": expected " + ACCEPTED_FORMS, cause);
    }
}
