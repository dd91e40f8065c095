package dev.holdline.guard.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link RateLimiter} decided for one request: allowed or not, and the numbers the response
 * fields report.
 *
 * @param policy        the policy that decided
 * @param allowed       whether a token was taken
 * @param remaining     tokens left after this request
 * @param nanosToRefill when refused, how long until a token is back; 0 when allowed
 * @param nanosToReset  how long until the bucket is full again
 */
public record RateLimitDecision(RateLimitPolicy policy, boolean allowed, long remaining, long nanosToRefill, long nanosToReset) {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** {@code Retry-After} for a refused request: the wait for a token, in whole seconds rounded up, at least 1. */
    public Duration retryAfter() {
        return Duration.ofSeconds(Math.max(1, ceilSeconds(nanosToRefill)));
    }

    /** {@code RateLimit-Policy} and {@code RateLimit}, in that order. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(RateLimitPolicy.POLICY_FIELD, policy.policyField());
        fields.put(RateLimitPolicy.FIELD, policy.field(remaining, ceilSeconds(nanosToReset)));
        return fields;
    }

    /**
     * The exception for a refused request.
     *
     * @throws IllegalStateException if the request was allowed
     */
    public RateLimitExceededException rejection() {
        if (allowed) {
            throw new IllegalStateException("The request was allowed");
        }
        Duration retryAfter = retryAfter();
        return new RateLimitExceededException("Rate limit of " + policy.describe() + " exceeded; retry after "
                + retryAfter.getSeconds() + " s.", retryAfter, fields());
    }

    private static long ceilSeconds(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        return nanos / NANOS_PER_SECOND + (nanos % NANOS_PER_SECOND == 0 ? 0 : 1);
    }
}
