package dev.holdline.perf.guard;

import dev.holdline.guard.concurrency.ConcurrencyLimit;
import dev.holdline.guard.deadline.cdi.Deadline;
import dev.holdline.guard.log.Logged;
import dev.holdline.guard.ratelimit.RateLimitKey;
import dev.holdline.guard.ratelimit.RateLimited;
import dev.holdline.guard.trace.Traced;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The beans GuardBenchmark calls: one per Holdline guard binding and one under all of them, each with
 * limits the benchmark never reaches, so that every measured call is admitted.
 */
final class HoldlineGuardedBeans {

    private HoldlineGuardedBeans() {
    }

    /** {@code @Logged}: one access-log line per call, handed to a handler that drops it (GuardBenchmark). */
    @ApplicationScoped
    static class LoggedBean {
        @Logged
        public long call(long value) {
            return value;
        }
    }

    /** {@code @Traced}, without the OpenTelemetry API on the class path: the no-op path. */
    @ApplicationScoped
    static class TracedBean {
        @Traced
        public long call(long value) {
            return value;
        }
    }

    /** {@code @RateLimited}, one global bucket that never runs dry (Bucket4j refills at most a token a nanosecond). */
    @ApplicationScoped
    static class RateLimitedBean {
        @RateLimited(limit = 1_000_000_000, window = 60, key = RateLimitKey.GLOBAL)
        public long call(long value) {
            return value;
        }
    }

    /** {@code @ConcurrencyLimit} well above the benchmark's threads. */
    @ApplicationScoped
    static class ConcurrencyLimitedBean {
        @ConcurrencyLimit(max = 1000)
        public long call(long value) {
            return value;
        }
    }

    /** {@code @Deadline} of a minute. */
    @ApplicationScoped
    static class DeadlineBean {
        @Deadline(value = 60_000)
        public long call(long value) {
            return value;
        }
    }

    /** Every binding at once, in their documented order. */
    @ApplicationScoped
    static class WholeChainBean {
        @Logged
        @Traced
        @RateLimited(limit = 1_000_000_000, window = 60, key = RateLimitKey.GLOBAL)
        @ConcurrencyLimit(max = 1000)
        @Deadline(value = 60_000)
        public long call(long value) {
            return value;
        }
    }

    /** One call a minute: the setup's proof that Holdline's interceptors are really applied. */
    @ApplicationScoped
    static class RateLimitProbe {
        @RateLimited(limit = 1, window = 60, key = RateLimitKey.GLOBAL)
        public long call(long value) {
            return value;
        }
    }
}
