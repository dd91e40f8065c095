package dev.holdline.http;

/**
 * The {@code @Priority} of every Holdline interceptor, in one place so that their order is one
 * decision: outermost first, {@code @Logged}, {@code @Traced}, {@code @RateLimited},
 * {@code @ConcurrencyLimit}, {@code @Deadline}, then {@code @Coalesced}. They sit in the
 * {@code LIBRARY_BEFORE} band (1000 to 1999) of {@code jakarta.interceptor.Interceptor.Priority}, so
 * that they run before the application's own interceptors ({@code APPLICATION}, 2000 and up) and after
 * the platform's.
 *
 * <p>Why this order: a call refused by a guard is still logged and traced; a rate limit counts calls
 * before the concurrency limit holds a slot for them; a deadline covers the coalesced execution it
 * waits for; and coalescing is innermost, so that every caller is logged, traced and counted against
 * its own limits even when its result is shared.
 */
public final class InterceptorPriorities {

    /** {@code @Logged}. */
    public static final int LOGGED = 1100;
    /** {@code @Traced}. */
    public static final int TRACED = 1200;
    /** {@code @RateLimited}. */
    public static final int RATE_LIMITED = 1300;
    /** {@code @ConcurrencyLimit}. */
    public static final int CONCURRENCY_LIMIT = 1400;
    /** {@code @Deadline}. */
    public static final int DEADLINE = 1500;
    /** {@code @Coalesced}. */
    public static final int COALESCED = 1600;

    private InterceptorPriorities() {
    }
}
