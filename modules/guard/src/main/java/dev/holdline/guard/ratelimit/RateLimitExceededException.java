package dev.holdline.guard.ratelimit;

import dev.holdline.guard.GuardRejectedException;
import java.time.Duration;
import java.util.Map;

/**
 * A call or request over its rate limit: answered with 429, {@code Retry-After}, the
 * {@code RateLimit-Policy} and {@code RateLimit} fields and the problem {@value #PROBLEM_NAME}.
 */
public class RateLimitExceededException extends GuardRejectedException {

    private static final long serialVersionUID = 1L;

    /** The problem's name, the last segment of its type URI. */
    public static final String PROBLEM_NAME = "rate-limited";
    /** The problem's title. */
    public static final String TITLE = "Too many requests";

    /**
     * @param detail     what happened, without the key (an address or a user name is nobody else's business)
     * @param retryAfter when a token is back
     * @param fields     {@code RateLimit-Policy} and {@code RateLimit}
     */
    public RateLimitExceededException(String detail, Duration retryAfter, Map<String, String> fields) {
        super(429, PROBLEM_NAME, TITLE, detail, retryAfter, fields, Map.of());
    }
}
