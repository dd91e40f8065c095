package dev.holdline.guard.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;

/** Rate-limited methods for the interceptor test. */
@ApplicationScoped
public class Limited {

    private int runs;

    @RateLimited(limit = 2, window = 1, unit = java.time.temporal.ChronoUnit.HOURS, key = RateLimitKey.GLOBAL, policy = "calls")
    public synchronized int twice() {
        return ++runs;
    }

    @RateLimited(limit = 1, window = 1, unit = java.time.temporal.ChronoUnit.HOURS)
    public String byClient(String caller) {
        return caller;
    }

    @RateLimited(limit = 1, window = 1, unit = java.time.temporal.ChronoUnit.HOURS)
    public String other() {
        return "other";
    }

    synchronized int runs() {
        return runs;
    }
}
