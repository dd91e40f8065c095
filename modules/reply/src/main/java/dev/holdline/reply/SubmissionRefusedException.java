package dev.holdline.reply;

import dev.holdline.http.Problem;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A submission that was not accepted, and the answer the client gets for it: {@code 400} without a
 * required Idempotency-Key or with a malformed one, {@code 409} while the first request with the key
 * is still being accepted, {@code 422} when the key was used for a different request, {@code 503} with
 * {@code Retry-After} when the executor is full or the application is shutting down. Nothing was
 * stored and nothing runs. A servlet writes it with {@code ProblemWriter} (plus {@code Retry-After});
 * JAX-RS applications get the same answer from {@code dev.holdline.reply.jaxrs.SubmissionRefusedMapper}.
 */
public class SubmissionRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final Duration retryAfter;

    /**
     * @param problem    the answer
     * @param retryAfter when the client may try again, or null
     */
    public SubmissionRefusedException(Problem problem, Duration retryAfter) {
        super(Objects.requireNonNull(problem, "problem").detail().orElse(problem.title().orElse("")));
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    /** @return the answer as a problem; its status is the response status */
    public Problem problem() {
        return problem;
    }

    /** @return the {@code Retry-After} delay, if the refusal has one */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
