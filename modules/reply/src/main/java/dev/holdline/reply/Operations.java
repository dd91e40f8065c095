package dev.holdline.reply;

import dev.holdline.http.Preferences;
import dev.holdline.reply.store.Creation;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * The application's entry point to asynchronous request-reply: submit work as an operation (stored
 * before the caller hears of it, then run on the executor), find it, cancel it, delete it. One per web
 * application; get it with {@link #of(ServletContext)} or, with CDI, by injection.
 */
public final class Operations {

    private final ReplyRuntime runtime;
    // Keys whose first submission is between "stored" and "handed to the executor" on this node: a
    // repeat then gets 409 rather than an operation that might still be refused.
    private final Set<String> accepting = ConcurrentHashMap.newKeySet();

    Operations(ReplyRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * @param context the application's servlet context
     * @return its operations
     * @throws IllegalStateException when holdline-reply is not initialised there
     */
    public static Operations of(ServletContext context) {
        return ReplyRuntime.of(context).operations();
    }

    /**
     * Submits work from within a request: the request this thread serves supplies the
     * {@code Idempotency-Key} and its scope; outside a request this is {@link #submit(Submission)}.
     *
     * @param kind  what sort of work it is
     * @param input the task's input (often the request body), or null
     * @param task  the work
     * @return the stored operation ({@code NotStarted}, or further along for a repeated key)
     * @throws SubmissionRefusedException when it is not accepted (400, 409, 422, 503)
     */
    public Operation submit(String kind, String input, OperationTask task) {
        Optional<HttpServletRequest> request = CurrentRequest.get();
        return request.isPresent() ? submit(request.get(), kind, input, task) : submit(Submission.of(kind, input, task));
    }

    /**
     * Submits work on behalf of {@code request}: its {@code Idempotency-Key} (required when so
     * configured) scoped by its principal and path, and its {@code Prefer} header checked.
     *
     * @param request the submitting request
     * @param kind    what sort of work it is
     * @param input   the task's input, or null
     * @param task    the work
     * @return the stored operation
     * @throws SubmissionRefusedException when it is not accepted (400, 409, 422, 503)
     */
    public Operation submit(HttpServletRequest request, String kind, String input, OperationTask task) {
        if (Preferences.of(request).waitMalformed()) {
            throw runtime.problems().malformedPreference("The wait preference takes a whole number of seconds, such as Prefer: wait=10.");
        }
        IdempotencyKey key = IdempotencyKeys.from(request, kind, input, runtime.problems());
        if (key == null && runtime.settings().idempotencyKeyRequired()) {
            throw runtime.problems().idempotencyKeyMissing();
        }
        return submit(Submission.of(kind, input, task).withIdempotencyKey(key));
    }

    /**
     * Stores the operation, then hands it to the executor.
     *
     * @param submission what to run
     * @return the stored operation, or the one first stored under the same Idempotency-Key
     * @throws SubmissionRefusedException when it is not accepted: 503 while shutting down or when the
     *                                    executor is full, 409 while the key's first submission is being
     *                                    accepted, 422 when the key was used with another input
     */
    public Operation submit(Submission submission) {
        Duration retryAfter = runtime.settings().retryAfter();
        if (runtime.isShuttingDown()) {
            throw runtime.problems().shuttingDown(retryAfter);
        }
        if (submission.input() != null && submission.input().length() > Operation.MAX_INPUT_LENGTH) {
            throw new IllegalArgumentException("input longer than " + Operation.MAX_INPUT_LENGTH + " characters");
        }
        IdempotencyKey key = submission.idempotencyKey();
        String acceptingKey = key == null ? null : key.scope() + '\n' + key.key();
        if (acceptingKey != null && !accepting.add(acceptingKey)) {
            throw runtime.problems().idempotencyKeyInUse(retryAfter);
        }
        WorkExecutor executor = runtime.executor();
        boolean reserved = executor.tryReserve();
        boolean handedOver = false;
        try {
            Instant now = runtime.clock().instant();
            Operation accepted = Operation.accepted(OperationIds.newId(), submission.kind(), submission.input(), now, null,
                    key, runtime.newLease(now));
            if (key != null) {
                // A repeat must find its operation even when the executor is full now.
                Optional<Operation> first = runtime.store().findByIdempotencyKey(key);
                if (first.isPresent()) {
                    return repeat(first.get(), key);
                }
            }
            if (!reserved) {
                throw runtime.problems().executorFull(retryAfter);
            }
            Creation creation = runtime.store().create(accepted);
            if (!creation.created()) {
                return repeat(creation.operation(), key);
            }
            Operation stored = creation.operation();
            runtime.writes().published(stored);
            Duration deadline = submission.deadline() != null ? submission.deadline() : runtime.settings().deadlineOrNull();
            LocalWork.Item item = runtime.work().add(stored.id(), deadline, ExecutionTelemetry.INSTANCE.submitterContext());
            try {
                executor.execute(new OperationRunner(runtime, item, submission.task()));
                handedOver = true;
            } catch (RejectedExecutionException refused) {
                runtime.work().remove(item);
                runtime.recordAbandoned(stored.id());
                throw runtime.problems().executorFull(retryAfter);
            }
            return stored;
        } finally {
            if (reserved && !handedOver) {
                executor.release();
            }
            if (acceptingKey != null) {
                accepting.remove(acceptingKey);
            }
        }
    }

    private Operation repeat(Operation first, IdempotencyKey key) {
        if (!first.idempotency().fingerprint().equals(key.fingerprint())) {
            throw runtime.problems().idempotencyKeyReused(first.id());
        }
        return first;
    }

    /**
     * @param id an operation id, possibly malformed
     * @return the operation, or empty when the id is malformed or unknown
     */
    public Optional<Operation> find(String id) {
        return OperationIds.isWellFormed(id) ? runtime.store().find(id) : Optional.empty();
    }

    /**
     * Asks for cancellation: an operation not started yet is {@code Canceled} at once; a running one is
     * {@code Canceling} until its task stops (this node interrupts it; another node notices within a
     * third of the lease). Asking again changes nothing.
     *
     * @param id the operation
     * @return the operation after the request
     * @throws NoSuchElementException      when there is no such operation
     * @throws IllegalTransitionException when it already Succeeded or Failed
     */
    public Operation cancel(String id) {
        Instant now = runtime.clock().instant();
        Operation after = runtime.writes().apply(id, current -> {
            if (current.status() == OperationStatus.Canceled) {
                return current;
            }
            Operation requested = current.requestCancel(now);
            return requested.status().isTerminal() ? runtime.expiring(requested, now) : requested;
        }).orElseThrow(() -> new NoSuchElementException("no operation " + id));
        LocalWork.Item item = runtime.work().get(id);
        if (item != null && after.status() == OperationStatus.Canceling) {
            item.cancel();
        }
        return after;
    }

    /**
     * @param id the operation
     * @return true when it was finished and is now deleted; false when it is unknown or not finished
     */
    public boolean delete(String id) {
        return OperationIds.isWellFormed(id) && runtime.store().delete(id);
    }

    /**
     * @param operation a stored operation
     * @return whether its expiration has passed (the status monitor then answers 410)
     */
    public boolean isExpired(Operation operation) {
        Instant expiration = operation.expirationDateTime();
        return expiration != null && !expiration.isAfter(runtime.clock().instant());
    }

    /**
     * Declares a kind resumable: after a crash or an undeploy, an unfinished operation of this kind
     * (in a durable store) is run again with {@code task}, on whichever node claims it first. Other
     * kinds end {@code Failed} with problem {@code interrupted}. Declare kinds at start-up, before
     * recovery could find their operations.
     *
     * @param kind what sort of work
     * @param task the work, which must be safe to run again on the same input
     */
    public void declareResumable(String kind, OperationTask task) {
        runtime.declareResumable(kind, task);
    }

    /** @return whether operations survive a restart (false for the in-memory store) */
    public boolean durable() {
        return runtime.store().durable();
    }
}
