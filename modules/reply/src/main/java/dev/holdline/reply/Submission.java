package dev.holdline.reply;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@link Operations#submit(Submission)} needs to accept an operation, for callers outside
 * an HTTP request (a message listener, a scheduled job) or who build the Idempotency-Key themselves.
 *
 * @param kind           what sort of work it is; 1 to {@value Operation#MAX_KIND_LENGTH} characters
 * @param input          the text the task gets (often JSON), or null
 * @param task           the work
 * @param deadline       how long it may run before it fails with {@code deadline-exceeded}, or null for
 *                       the configured default
 * @param idempotencyKey the key that makes a repeat return the first operation, or null
 */
public record Submission(String kind, String input, OperationTask task, Duration deadline, IdempotencyKey idempotencyKey) {

    /** Checks the kind, the task and the deadline. */
    public Submission {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(task, "task");
        if (kind.isEmpty() || kind.length() > Operation.MAX_KIND_LENGTH) {
            throw new IllegalArgumentException("kind length must be 1.." + Operation.MAX_KIND_LENGTH);
        }
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
    }

    /**
     * @param kind  what sort of work it is
     * @param input the task's input, or null
     * @param task  the work
     * @return a submission with the default deadline and no Idempotency-Key
     */
    public static Submission of(String kind, String input, OperationTask task) {
        return new Submission(kind, input, task, null, null);
    }

    /**
     * @param newDeadline how long the operation may run
     * @return this submission with that deadline
     */
    public Submission withDeadline(Duration newDeadline) {
        return new Submission(kind, input, task, newDeadline, idempotencyKey);
    }

    /**
     * @param key the Idempotency-Key, or null
     * @return this submission with that key
     */
    public Submission withIdempotencyKey(IdempotencyKey key) {
        return new Submission(kind, input, task, deadline, key);
    }
}
