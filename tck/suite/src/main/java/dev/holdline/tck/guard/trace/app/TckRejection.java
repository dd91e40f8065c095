package dev.holdline.tck.guard.trace.app;

import dev.holdline.guard.GuardRejectedException;
import java.time.Duration;
import java.util.Map;

/** Deployed: a guard rejection as a rate limiter would throw it, 429 {@code rate-limited}. */
public class TckRejection extends GuardRejectedException {

    private static final long serialVersionUID = 1L;

    public TckRejection() {
        super(429, "rate-limited", "Too many requests", "refused by the TCK", Duration.ofSeconds(2), Map.of(), Map.of());
    }
}
