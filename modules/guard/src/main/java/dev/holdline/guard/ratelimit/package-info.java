/**
 * Rate limit: token buckets (Bucket4j) per key in a bounded map (Caffeine), as the {@link
 * dev.holdline.guard.ratelimit.RateLimited} interceptor binding and as the {@link
 * dev.holdline.guard.ratelimit.RateLimitFilter} twin; over the limit both answer 429 with
 * {@code Retry-After}, the IETF {@code RateLimit-Policy} and {@code RateLimit} fields and a problem body.
 * See docs/guard.md, "Rate limit".
 */
package dev.holdline.guard.ratelimit;
