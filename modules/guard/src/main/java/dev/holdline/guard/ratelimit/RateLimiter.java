package dev.holdline.guard.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Token buckets of one {@link RateLimitPolicy}, one per key, in a bounded map: at most {@code maxKeys}
 * buckets, and a bucket idle for {@code idleExpiry} is dropped. A flood of distinct keys therefore costs
 * a bounded amount of memory; a dropped key simply starts again with a full bucket.
 *
 * <p>Buckets refill greedily: {@code limit} tokens per window, spread evenly, so a token comes back
 * {@code window / limit} after it was taken. An idle expiry of at least the window therefore never loses
 * information: a bucket left alone that long is full anyway.
 */
public final class RateLimiter {

    private final RateLimitPolicy policy;
    private final int maxKeys;
    private final Cache<String, Bucket> buckets;
    private final LongAdder allowed = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    /**
     * @param maxKeys    the most buckets held at once, at least 1
     * @param idleExpiry how long an unused bucket is kept (positive)
     */
    public RateLimiter(RateLimitPolicy policy, int maxKeys, Duration idleExpiry) {
        this.policy = Objects.requireNonNull(policy, "policy");
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1, was " + maxKeys);
        }
        if (idleExpiry.isNegative() || idleExpiry.isZero()) {
            throw new IllegalArgumentException("idleExpiry must be positive, was " + idleExpiry);
        }
        this.maxKeys = maxKeys;
        // Maintenance on the calling thread: no ForkJoinPool.commonPool() tasks inside a container, which
        // would outlive an undeployed application's class loader.
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(idleExpiry)
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    /** The policy of every bucket. */
    public RateLimitPolicy policy() {
        return policy;
    }

    /** Takes a token from the key's bucket if there is one. */
    public RateLimitDecision acquire(String key) {
        Objects.requireNonNull(key, "key");
        Bucket bucket = buckets.get(key, ignored -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            allowed.increment();
            return new RateLimitDecision(policy, true, probe.getRemainingTokens(), 0, probe.getNanosToWaitForReset());
        }
        rejected.increment();
        return new RateLimitDecision(policy, false, 0, probe.getNanosToWaitForRefill(), probe.getNanosToWaitForReset());
    }

    /** The counters now; runs pending evictions first so that the key count is exact. */
    public RateLimitStats stats() {
        buckets.cleanUp();
        return new RateLimitStats(allowed.sum(), rejected.sum(), buckets.estimatedSize(),
                buckets.stats().evictionCount(), maxKeys);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(policy.limit()).refillGreedy(policy.limit(), policy.window()).build())
                .build();
    }
}
