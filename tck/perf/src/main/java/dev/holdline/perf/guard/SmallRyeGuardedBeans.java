package dev.holdline.perf.guard;

import io.smallrye.faulttolerance.api.RateLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/** The SmallRye Fault Tolerance counterparts of Holdline's guards that GuardBenchmark compares against. */
final class SmallRyeGuardedBeans {

    private SmallRyeGuardedBeans() {
    }

    /** {@code @Bulkhead}: at most 1,000 calls at once (never reached by the benchmark's threads). */
    @ApplicationScoped
    static class Bulkheaded {
        @Bulkhead(1000)
        public long call(long value) {
            return value;
        }
    }

    /** SmallRye's {@code @RateLimit}: a limit the benchmark never reaches. */
    @ApplicationScoped
    static class RateLimitedBySmallRye {
        @RateLimit(value = Integer.MAX_VALUE, window = 1, windowUnit = ChronoUnit.SECONDS)
        public long call(long value) {
            return value;
        }
    }

    /** One call a minute: the setup's proof that SmallRye's interceptors are really applied. */
    @ApplicationScoped
    static class RateLimitProbe {
        @RateLimit(value = 1, window = 1, windowUnit = ChronoUnit.MINUTES)
        public long call(long value) {
            return value;
        }
    }

    /** No guard: the baseline, through the same CDI proxy. */
    @ApplicationScoped
    static class Unguarded {
        public long call(long value) {
            return value;
        }
    }
}
