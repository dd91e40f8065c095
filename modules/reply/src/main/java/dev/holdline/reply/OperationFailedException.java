package dev.holdline.reply;

import dev.holdline.http.Problem;

import java.util.Objects;

/**
 * Thrown by an {@link OperationTask} to fail its operation with a problem of its own choosing, which
 * the status monitor shows as the operation's {@code error}. Any other exception fails it with the
 * generic {@code operation-failed} problem, so that no stack trace or internal message leaks.
 */
public class OperationFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    /** @param problem what went wrong, as the client should see it */
    public OperationFailedException(Problem problem) {
        super(Objects.requireNonNull(problem, "problem").detail().orElse(problem.title().orElse(problem.type().toString())));
        this.problem = problem;
    }

    /** @return the problem the operation fails with */
    public Problem problem() {
        return problem;
    }
}
