package dev.holdline.http;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@code Retry-After} field (RFC 9110 section 10.2.3): formats a delay as delay-seconds or an
 * HTTP-date, and parses either back into a delay.
 *
 * <p>Holdline sends delay-seconds (design rule): unlike a date, it does not depend on the client's clock
 * agreeing with ours.
 */
public final class RetryAfter {

    /** The response header name. */
    public static final String HEADER = "Retry-After";

    private static final String EXPECTED =
            "expected delay-seconds (a non-negative integer such as '120') or an HTTP date such as 'Sun, 06 Nov 1994 08:49:37 GMT'";

    private RetryAfter() {
    }

    /**
     * Formats a delay as delay-seconds, rounding up to whole seconds so that a client never retries
     * before the delay has passed: 1.2 s becomes {@code 2}, one minute becomes {@code 60}.
     *
     * @throws IllegalArgumentException if the delay is negative or too large to round up
     */
    public static String delaySeconds(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Retry delay must not be negative, was " + delay);
        }
        long seconds = delay.getSeconds();
        if (delay.getNano() > 0) {
            if (seconds == Long.MAX_VALUE) {
                throw new IllegalArgumentException("Retry delay " + delay + " is too large to round up to whole seconds");
            }
            seconds++;
        }
        return Long.toString(seconds);
    }

    /**
     * Formats a number of seconds as delay-seconds.
     *
     * @throws IllegalArgumentException if negative
     */
    public static String delaySeconds(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("Retry delay must not be negative, was " + seconds + " s");
        }
        return Long.toString(seconds);
    }

    /** Formats the moment to retry at as an IMF-fixdate. */
    public static String httpDate(Instant retryAt) {
        return HttpDate.format(retryAt);
    }

    /** Sets {@code Retry-After} on a response as delay-seconds (rounded up). */
    public static void set(HttpServletResponse response, Duration delay) {
        response.setHeader(HEADER, delaySeconds(delay));
    }

    /** Parses a {@code Retry-After} value relative to the clock's current instant. */
    public static Duration parse(String value, Clock clock) {
        return parse(value, clock.instant());
    }

    /**
     * Parses a {@code Retry-After} value: delay-seconds, or an HTTP date in any of its three forms. A
     * date in the past means "now" and yields {@link Duration#ZERO}; the result is never negative.
     *
     * @param now the instant the delay is measured from
     * @throws IllegalArgumentException naming the value if it is empty, negative, too large or neither form
     */
    public static Duration parse(String value, Instant now) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(now, "now");
        String trimmed = HttpSyntax.trimWhitespace(value);
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Invalid Retry-After '" + value + "': empty; " + EXPECTED);
        }
        if (isDigits(trimmed)) {
            try {
                return Duration.ofSeconds(Long.parseLong(trimmed));
            } catch (NumberFormatException overflow) {
                throw new IllegalArgumentException("Invalid Retry-After '" + value + "': delay-seconds too large", overflow);
            }
        }
        if (trimmed.charAt(0) == '-' && isDigits(trimmed.substring(1))) {
            throw new IllegalArgumentException("Invalid Retry-After '" + value + "': delay-seconds must not be negative");
        }
        Instant retryAt;
        try {
            retryAt = HttpDate.parse(trimmed, now);
        } catch (IllegalArgumentException notADate) {
            throw new IllegalArgumentException("Invalid Retry-After '" + value + "': " + EXPECTED, notADate);
        }
        Duration delay = Duration.between(now, retryAt);
        return delay.isNegative() ? Duration.ZERO : delay;
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
