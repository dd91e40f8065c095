package dev.holdline.reply;

import dev.holdline.http.Problem;
import dev.holdline.http.ProblemTypes;

import java.time.Duration;

/**
 * Every problem the module answers with or records, typed under the application's problem base. Each
 * name is documented in docs/reply.md; the names are part of the protocol, so they live here only.
 */
final class ReplyProblems {

    private final ProblemTypes types;

    ReplyProblems(ProblemTypes types) {
        this.types = types;
    }

    SubmissionRefusedException idempotencyKeyMissing() {
        return refused(types.problem("idempotency-key-missing", 400).title("Idempotency-Key required")
                .detail("This endpoint requires an Idempotency-Key header so that a retried submission is not run twice.")
                .build(), null);
    }

    SubmissionRefusedException idempotencyKeyMalformed(String detail) {
        return refused(types.problem("idempotency-key-malformed", 400).title("Malformed Idempotency-Key")
                .detail(detail).build(), null);
    }

    SubmissionRefusedException idempotencyKeyReused(String operationId) {
        return refused(types.problem("idempotency-key-reused", 422).title("Idempotency-Key reused")
                .detail("This Idempotency-Key was already used for a different request.")
                .extension("operationId", operationId).build(), null);
    }

    SubmissionRefusedException idempotencyKeyInUse(Duration retryAfter) {
        return refused(types.problem("idempotency-key-in-use", 409).title("Submission in progress")
                .detail("A request with this Idempotency-Key is still being accepted; retry to get its answer.")
                .build(), retryAfter);
    }

    SubmissionRefusedException executorFull(Duration retryAfter) {
        return refused(types.problem("submissions-full", 503).title("Too many operations")
                .detail("Every worker is busy and the queue of accepted operations is full.").build(), retryAfter);
    }

    SubmissionRefusedException shuttingDown(Duration retryAfter) {
        return refused(types.problem("shutting-down", 503).title("Shutting down")
                .detail("The application is shutting down and accepts no new operations.").build(), retryAfter);
    }

    SubmissionRefusedException malformedPreference(String detail) {
        return refused(types.problem("malformed-preference", 400).title("Malformed Prefer header")
                .detail(detail).build(), null);
    }

    Problem notFound() {
        return types.problem("operation-not-found", 404).title("Unknown operation")
                .detail("No operation has this id.").build();
    }

    Problem expired() {
        return types.problem("operation-expired", 410).title("Operation expired")
                .detail("The operation finished and its status is no longer kept.").build();
    }

    Problem finished(OperationStatus status) {
        return types.problem("operation-finished", 409).title("Operation already finished")
                .detail("The operation is " + status + " and can no longer be canceled.").build();
    }

    Problem notFinished(OperationStatus status) {
        return types.problem("operation-not-finished", 409).title("Operation not finished")
                .detail("The operation is " + status + "; only a finished operation can be deleted.").build();
    }

    /** The error of an operation whose task threw something other than {@link OperationFailedException}. */
    Problem taskFailed() {
        return types.problem("operation-failed", 500).title("Operation failed")
                .detail("The operation failed; the server's log has the cause.").build();
    }

    Problem deadlineExceeded(Duration deadline) {
        return types.problem("deadline-exceeded", 504).title("Deadline exceeded")
                .detail("The operation did not finish within its deadline of " + deadline + ".").build();
    }

    Problem interrupted() {
        return types.problem("interrupted", 503).title("Operation interrupted")
                .detail("The server stopped while the operation ran, and this kind of operation is not resumed.").build();
    }

    Problem refusedAtStart(String why) {
        return types.problem("operation-not-started", 503).title("Operation not started").detail(why).build();
    }

    private static SubmissionRefusedException refused(Problem problem, Duration retryAfter) {
        return new SubmissionRefusedException(problem, retryAfter);
    }
}
