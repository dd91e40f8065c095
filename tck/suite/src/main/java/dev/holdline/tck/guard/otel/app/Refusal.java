package dev.holdline.tck.guard.otel.app;

import dev.holdline.guard.GuardRejectedException;
import java.time.Duration;
import java.util.Map;

/**
 * Deployed: a guard rejection of the tests' own, answered 429 with the problem {@code tck-refused}, as a
 * rate limit would refuse a call. Test code names it by file only (its superclass is not on the client's
 * class path).
 */
public class Refusal extends GuardRejectedException {

    private static final long serialVersionUID = 1L;

    public Refusal(String detail) {
        super(429, "tck-refused", "Refused by the TCK", detail, Duration.ofSeconds(1), Map.of(), Map.of());
    }
}
