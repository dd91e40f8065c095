package dev.holdline.guard.deadline;

import dev.holdline.guard.GuardRejectedException;
import java.time.Duration;
import java.util.Map;

/**
 * A call or request whose time budget ran out: {@code 503}, {@code Retry-After: 1}, problem
 * {@value #PROBLEM_NAME} with the member {@code budgetMillis}. Also what {@link DeadlineHttp} throws
 * instead of calling out when no time is left.
 */
public class DeadlineExceededException extends GuardRejectedException {

    private static final long serialVersionUID = 1L;

    /** The problem name, last segment of the problem type URI. */
    public static final String PROBLEM_NAME = "deadline-exceeded";

    /**
     * @param detail what ran out of time
     * @param budget the budget that ran out
     */
    public DeadlineExceededException(String detail, Duration budget) {
        super(503, PROBLEM_NAME, "Deadline exceeded", detail, Duration.ofSeconds(1), Map.of(),
                Map.of("budgetMillis", budget.toMillis()));
    }
}
