package dev.holdline.guard.concurrency;

import dev.holdline.guard.GuardRejectedException;
import java.time.Duration;
import java.util.Map;

/**
 * A call or request refused because its concurrency limit had no free slot (and its queue was full, or
 * it waited its longest in the queue): {@code 503}, {@code Retry-After}, problem {@value #PROBLEM_NAME}
 * with the member {@code limit}.
 */
public class ConcurrencyLimitExceededException extends GuardRejectedException {

    private static final long serialVersionUID = 1L;

    /** The problem name, last segment of the problem type URI. */
    public static final String PROBLEM_NAME = "concurrency-limit";

    /**
     * @param detail     what happened, for the problem's {@code detail}
     * @param limit      the limit's number of slots
     * @param retryAfter the {@code Retry-After} delay
     */
    public ConcurrencyLimitExceededException(String detail, int limit, Duration retryAfter) {
        super(503, PROBLEM_NAME, "Too many concurrent requests", detail, retryAfter, Map.of(), Map.of("limit", limit));
    }
}
