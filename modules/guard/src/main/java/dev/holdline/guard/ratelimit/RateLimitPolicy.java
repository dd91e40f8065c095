package dev.holdline.guard.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A quota policy: {@code limit} requests per {@code window}, named for the IETF {@code RateLimit-Policy}
 * field (draft-ietf-httpapi-ratelimit-headers), which it formats as a structured-field list member such
 * as {@code "default";q=100;w=60}.
 *
 * @param name   the policy's name, printable ASCII, sent as a structured-field string
 * @param limit  requests per window, the bucket's capacity (at least 1)
 * @param window how long an empty bucket takes to refill completely (positive)
 */
public record RateLimitPolicy(String name, long limit, Duration window) {

    /** The policy name used unless one is configured. */
    public static final String DEFAULT_NAME = "default";
    /** Keys whose buckets are kept at once unless configured. */
    public static final int DEFAULT_MAX_KEYS = 10_000;

    /** The {@code RateLimit-Policy} field name. */
    public static final String POLICY_FIELD = "RateLimit-Policy";
    /** The {@code RateLimit} field name. */
    public static final String FIELD = "RateLimit";

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if the name is not printable ASCII, the limit is below 1 or the
     *                                  window is not positive
     */
    public RateLimitPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        if (name.isEmpty() || !name.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new IllegalArgumentException("Policy name '" + name + "' must be non-empty printable ASCII");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("Limit must be at least 1, was " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("Window must be positive, was " + window);
        }
    }

    /**
     * The {@code RateLimit-Policy} value: name, {@code q} and, when the window is a whole number of seconds,
     * {@code w} (the draft's window is integer seconds, and the parameter is optional).
     */
    public String policyField() {
        StringBuilder field = new StringBuilder(quotedName()).append(";q=").append(limit);
        if (window.getNano() == 0) {
            field.append(";w=").append(window.getSeconds());
        }
        return field.toString();
    }

    /**
     * The {@code RateLimit} value: name, {@code r} (requests left now) and {@code t} (seconds, rounded up,
     * until the bucket is full again, when the quota has completely reset).
     */
    public String field(long remaining, long secondsToReset) {
        return quotedName() + ";r=" + Math.max(0, remaining) + ";t=" + Math.max(0, secondsToReset);
    }

    /** The name as an sf-string: in quotes, with {@code "} and {@code \} escaped (RFC 9651 section 4.1.6). */
    private String quotedName() {
        StringBuilder quoted = new StringBuilder(name.length() + 2).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    /** For messages: {@code 100 requests per 1m}. */
    String describe() {
        return limit + (limit == 1 ? " request per " : " requests per ") + describe(window);
    }

    private static String describe(Duration duration) {
        if (duration.getNano() != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.getSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
