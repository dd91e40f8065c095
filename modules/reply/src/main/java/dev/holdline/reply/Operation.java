package dev.holdline.reply;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One long-running operation as a store keeps it: immutable, each change makes a new value. The
 * changes that move the status ({@link #start}, {@link #requestCancel}, {@link #succeed},
 * {@link #fail}, {@link #cancel}) all go through one check against
 * {@link OperationStatus#canBecome(OperationStatus)} and throw {@link IllegalTransitionException} when
 * it refuses; none of them touches {@link #version()}, which only a store advances (optimistic
 * concurrency: an update names the version it was made from).
 *
 * <p>Instants are kept to the millisecond because that is what every store keeps: a value read back
 * equals the value written.
 *
 * @param id                 the operation's id, as in the status monitor's URL
 * @param kind               what sort of work it is (decides, for example, whether it may be resumed)
 * @param input              the text it was submitted with, kept so that a resumable kind can be re-run
 *                           after a crash, or null
 * @param status             where it is in its life
 * @param createdDateTime    when it was accepted
 * @param lastActionDateTime when its status or progress last changed
 * @param expirationDateTime when the status monitor forgets it (410 after that), or null for never
 * @param percentComplete    0 to 100, or null when the work does not say
 * @param message            a short human-readable progress note, or null
 * @param resourceLocation   where the created or changed resource is (303 target), or null
 * @param result             the result as a JSON text when there is no resource, or null
 * @param error              a problem object (RFC 9457) as a JSON text, or null; only when Failed or Canceled
 * @param idempotency        the Idempotency-Key it was submitted with, or null
 * @param lease              who may run it until when, or null (never while a worker runs it)
 * @param version            the store's version of this value, for compare-and-set
 */
public record Operation(
        String id,
        String kind,
        String input,
        OperationStatus status,
        Instant createdDateTime,
        Instant lastActionDateTime,
        Instant expirationDateTime,
        Integer percentComplete,
        String message,
        String resourceLocation,
        String result,
        String error,
        IdempotencyKey idempotency,
        Lease lease,
        long version) {

    /** The longest kind accepted; the JDBC store's column is this wide. */
    public static final int MAX_KIND_LENGTH = 200;
    /** The longest message kept; longer ones are cut, since a progress note is not worth a failure. */
    public static final int MAX_MESSAGE_LENGTH = 2000;
    /** The longest input kept; H2's unbounded {@code VARCHAR} stops at a million characters. */
    public static final int MAX_INPUT_LENGTH = 1_000_000;
    /** The longest resource location accepted; the JDBC store's column is this wide. */
    public static final int MAX_LOCATION_LENGTH = 2048;

    /** Checks what every status requires; truncates instants to milliseconds. */
    public Operation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdDateTime, "createdDateTime");
        Objects.requireNonNull(lastActionDateTime, "lastActionDateTime");
        if (!OperationIds.isWellFormed(id)) {
            throw new IllegalArgumentException("malformed operation id: " + id);
        }
        if (kind.isEmpty() || kind.length() > MAX_KIND_LENGTH) {
            throw new IllegalArgumentException("kind length must be 1.." + MAX_KIND_LENGTH);
        }
        if (percentComplete != null && (percentComplete < 0 || percentComplete > 100)) {
            throw new IllegalArgumentException("percentComplete must be 0..100: " + percentComplete);
        }
        if (resourceLocation != null && result != null) {
            throw new IllegalArgumentException("an operation has a resourceLocation or a result, not both");
        }
        if (error != null && status != OperationStatus.Failed && status != OperationStatus.Canceled) {
            throw new IllegalArgumentException("only a Failed or Canceled operation has an error");
        }
        if (resourceLocation != null && resourceLocation.length() > MAX_LOCATION_LENGTH) {
            throw new IllegalArgumentException("resourceLocation longer than " + MAX_LOCATION_LENGTH);
        }
        if (input != null && input.length() > MAX_INPUT_LENGTH) {
            throw new IllegalArgumentException("input longer than " + MAX_INPUT_LENGTH + " characters");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
        if (message != null && message.length() > MAX_MESSAGE_LENGTH) {
            message = message.substring(0, MAX_MESSAGE_LENGTH);
        }
        createdDateTime = createdDateTime.truncatedTo(ChronoUnit.MILLIS);
        lastActionDateTime = lastActionDateTime.truncatedTo(ChronoUnit.MILLIS);
        expirationDateTime = expirationDateTime == null ? null : expirationDateTime.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * A new operation, {@link OperationStatus#NotStarted}, version 0.
     *
     * @param id          its id (see {@link OperationIds#newId()})
     * @param kind        what sort of work it is
     * @param input       the text it was submitted with, or null
     * @param now         the time of acceptance
     * @param expiration  when the status monitor forgets it, or null
     * @param idempotency the submission's Idempotency-Key, or null
     * @param lease       the accepting node's lease, or null; with one, a crash between storing and
     *                    running is found by {@code OperationStore.expiredLeases}
     * @return the operation
     */
    public static Operation accepted(String id, String kind, String input, Instant now, Instant expiration,
                                     IdempotencyKey idempotency, Lease lease) {
        return new Operation(id, kind, input, OperationStatus.NotStarted, now, now, expiration, null, null, null, null,
                null, idempotency, lease, 0);
    }

    /**
     * A new operation without input; see {@link #accepted(String, String, String, Instant, Instant, IdempotencyKey, Lease)}.
     *
     * @param id          its id
     * @param kind        what sort of work it is
     * @param now         the time of acceptance
     * @param expiration  when the status monitor forgets it, or null
     * @param idempotency the submission's Idempotency-Key, or null
     * @param lease       the accepting node's lease, or null
     * @return the operation
     */
    public static Operation accepted(String id, String kind, Instant now, Instant expiration,
                                     IdempotencyKey idempotency, Lease lease) {
        return accepted(id, kind, null, now, expiration, idempotency, lease);
    }

    /**
     * @param now when the worker began
     * @return this operation {@link OperationStatus#Running}
     */
    public Operation start(Instant now) {
        return moveTo(OperationStatus.Running, now, resourceLocation, result, error);
    }

    /**
     * Records progress without a transition.
     *
     * @param percent 0 to 100, or null
     * @param note    a short note, or null
     * @param now     the time of the report
     * @return this operation with the new progress
     * @throws IllegalTransitionException when the operation is already terminal
     */
    public Operation progress(Integer percent, String note, Instant now) {
        if (status.isTerminal()) {
            throw new IllegalTransitionException(this, status);
        }
        return new Operation(id, kind, input, status, createdDateTime, now, expirationDateTime, percent, note,
                resourceLocation, result, error, idempotency, lease, version);
    }

    /**
     * Asks for cancellation: an operation not started yet is {@link OperationStatus#Canceled} at once,
     * a running one becomes {@link OperationStatus#Canceling} until its work stops. Asking again while
     * Canceling changes nothing (cancel is idempotent).
     *
     * @param now the time of the request
     * @return the operation after the request
     * @throws IllegalTransitionException when the operation is already terminal (the monitor's 409)
     */
    public Operation requestCancel(Instant now) {
        return switch (status) {
            case Canceling -> this;
            case NotStarted -> moveTo(OperationStatus.Canceled, now, null, null, null);
            default -> moveTo(OperationStatus.Canceling, now, resourceLocation, result, error);
        };
    }

    /**
     * @param location where the resource is, or null
     * @param json     the result as JSON text, or null (not both)
     * @param now      the time it finished
     * @return this operation {@link OperationStatus#Succeeded}, at 100 percent
     */
    public Operation succeed(String location, String json, Instant now) {
        return moveTo(OperationStatus.Succeeded, now, location, json, null).withPercent(100);
    }

    /**
     * @param problemJson the problem object (RFC 9457) as JSON text
     * @param now         the time it failed
     * @return this operation {@link OperationStatus#Failed}
     */
    public Operation fail(String problemJson, Instant now) {
        Objects.requireNonNull(problemJson, "problemJson");
        return moveTo(OperationStatus.Failed, now, null, null, problemJson);
    }

    /**
     * @param now the time the work stopped
     * @return this operation {@link OperationStatus#Canceled}
     */
    public Operation cancel(Instant now) {
        return moveTo(OperationStatus.Canceled, now, null, null, null);
    }

    /**
     * @param newLease the lease, or null to release it
     * @return this operation with {@code newLease}
     */
    public Operation withLease(Lease newLease) {
        return new Operation(id, kind, input, status, createdDateTime, lastActionDateTime, expirationDateTime,
                percentComplete, message, resourceLocation, result, error, idempotency, newLease, version);
    }

    /**
     * @param expiration when the status monitor forgets the operation, or null for never
     * @return this operation with that expiration
     */
    public Operation withExpiration(Instant expiration) {
        return new Operation(id, kind, input, status, createdDateTime, lastActionDateTime, expiration,
                percentComplete, message, resourceLocation, result, error, idempotency, lease, version);
    }

    /**
     * For stores only: the version they have just written.
     *
     * @param newVersion the stored version
     * @return this operation at {@code newVersion}
     */
    public Operation withVersion(long newVersion) {
        return new Operation(id, kind, input, status, createdDateTime, lastActionDateTime, expirationDateTime,
                percentComplete, message, resourceLocation, result, error, idempotency, lease, newVersion);
    }

    private Operation withPercent(Integer percent) {
        return new Operation(id, kind, input, status, createdDateTime, lastActionDateTime, expirationDateTime,
                percent, message, resourceLocation, result, error, idempotency, lease, version);
    }

    // The one way the status changes. A terminal operation drops its lease: nobody runs it any more.
    private Operation moveTo(OperationStatus next, Instant now, String location, String json, String problem) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException(this, next);
        }
        Lease keptLease = next.isTerminal() ? null : lease;
        return new Operation(id, kind, input, next, createdDateTime, now, expirationDateTime, percentComplete, message,
                location, json, problem, idempotency, keptLease, version);
    }
}
