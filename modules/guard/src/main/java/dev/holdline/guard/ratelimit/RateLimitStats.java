package dev.holdline.guard.ratelimit;

/**
 * A snapshot of a rate limiter's counters since it was created.
 *
 * @param allowed     requests or calls that took a token
 * @param rejected    requests or calls refused with 429
 * @param trackedKeys keys whose buckets are held now (never more than {@code maxKeys} once pending
 *                    evictions ran, which taking the snapshot does)
 * @param evicted     buckets dropped, because the map was full or their key was idle
 * @param maxKeys     the configured bound of {@code trackedKeys}
 */
public record RateLimitStats(long allowed, long rejected, long trackedKeys, long evicted, int maxKeys) {
}
