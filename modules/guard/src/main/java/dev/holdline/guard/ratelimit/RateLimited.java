package dev.holdline.guard.ratelimit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * Limits how often the annotated bean method (or every business method of the annotated bean) may be
 * called: a token bucket of {@link #limit()} tokens that refills {@code limit} tokens per
 * {@link #window()}, one bucket per {@link #key()} value, each method with buckets of its own. A call
 * over the limit throws {@link RateLimitExceededException}, which a JAX-RS resource answers as 429 with
 * {@code Retry-After}, {@code RateLimit-Policy}, {@code RateLimit} and a problem body, exactly as
 * {@link RateLimitFilter} does.
 *
 * <p>The client (IP address, principal, header) is read from the current {@code HttpServletRequest}
 * through CDI's built-in bean; outside an HTTP request every call shares one bucket. Priority
 * {@link dev.holdline.http.InterceptorPriorities#RATE_LIMITED}.
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {

    /** Calls allowed per window (the bucket's capacity), at least 1. */
    @Nonbinding
    long limit() default 100;

    /** The window, in {@link #unit()}: the time the bucket takes to refill from empty to full. */
    @Nonbinding
    long window() default 60;

    /** The unit of {@link #window()}. */
    @Nonbinding
    ChronoUnit unit() default ChronoUnit.SECONDS;

    /** What is counted by. */
    @Nonbinding
    RateLimitKey key() default RateLimitKey.CLIENT_IP;

    /** The request header whose value is the key, with {@link RateLimitKey#HEADER}. */
    @Nonbinding
    String header() default "";

    /** The policy name sent in {@code RateLimit-Policy} and {@code RateLimit}. */
    @Nonbinding
    String policy() default RateLimitPolicy.DEFAULT_NAME;

    /** The most keys whose buckets are kept at once; the least useful are dropped beyond it. */
    @Nonbinding
    int maxKeys() default RateLimitPolicy.DEFAULT_MAX_KEYS;
}
