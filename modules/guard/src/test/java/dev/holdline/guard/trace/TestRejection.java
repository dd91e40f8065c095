package dev.holdline.guard.trace;

import dev.holdline.guard.GuardRejectedException;
import java.time.Duration;
import java.util.Map;

/** A guard rejection for the tests: {@code rate-limited} 429 or {@code deadline-exceeded} 503. */
public final class TestRejection extends GuardRejectedException {

    private static final long serialVersionUID = 1L;

    private TestRejection(int status, String name) {
        super(status, name, "Test " + name, "refused by the test", Duration.ofSeconds(1), Map.of(), Map.of());
    }

    /** 429 {@code rate-limited}. */
    public static TestRejection rateLimited() {
        return new TestRejection(429, "rate-limited");
    }

    /** 503 {@code deadline-exceeded}. */
    public static TestRejection deadlineExceeded() {
        return new TestRejection(503, "deadline-exceeded");
    }
}
