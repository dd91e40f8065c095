package dev.holdline.reply.store;

import dev.holdline.reply.IdempotencyKey;
import dev.holdline.reply.Lease;
import dev.holdline.reply.Operation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps operations. Every implementation passes the same contract tests
 * ({@code OperationStoreContract} in the tests); what they promise:
 * <ul>
 *   <li>{@link #create} is atomic with the Idempotency-Key: however many creates with the same scope
 *       and key race, one operation is stored and every caller gets that one;</li>
 *   <li>{@link #update} is a compare-and-set on {@link Operation#version()}: a value made from a stale
 *       read is refused, so two writers never overwrite each other unseen;</li>
 *   <li>{@link #claim} gives a non-terminal operation to one owner at a time: of two nodes claiming
 *       it, exactly one wins until its lease lapses.</li>
 * </ul>
 * Times are passed in rather than read from a clock, so that every node of a cluster judges leases by
 * its own clock the same way and tests need no sleeps.
 */
public interface OperationStore {

    /**
     * @return whether operations survive a restart of this JVM. The in-memory store says false, and
     *         the module says so at start-up, because "accepted" then means "unless we restart".
     */
    boolean durable();

    /**
     * Stores a new operation, or finds the one already stored under the same Idempotency-Key.
     *
     * @param operation a new operation (version 0); its id must not be stored yet
     * @return the stored operation (version 0 when new) and whether it was created now
     */
    Creation create(Operation operation);

    /**
     * @param id an operation id
     * @return the stored operation, or empty when there is none (never was, or purged)
     */
    Optional<Operation> find(String id);

    /**
     * @param key a submission's Idempotency-Key; only its scope and key are compared
     * @return the operation stored under that scope and key, or empty
     */
    Optional<Operation> findByIdempotencyKey(IdempotencyKey key);

    /**
     * Replaces the stored operation if it is still at {@code changed.version()}. Make {@code changed}
     * from the stored value with {@link Operation}'s methods: what they cannot change (id, kind,
     * createdDateTime, Idempotency-Key) is fixed at creation and a store need not rewrite it.
     *
     * @param changed the new value, made from the stored value it names by its version
     * @return the stored value (version advanced by one), or empty when the stored version differs
     *         or the operation is gone: re-read and decide again
     */
    Optional<Operation> update(Operation changed);

    /**
     * Takes or renews the lease of a non-terminal operation: succeeds when it has no lease, when the
     * lease has lapsed at {@code now}, or when {@code lease.owner()} already holds it (renewal).
     *
     * @param id    the operation
     * @param lease the owner and new expiry
     * @param now   the time by which a lapsed lease is judged
     * @return the operation with the lease (version advanced), or empty when another owner's lease is
     *         still valid, the operation is terminal, or it does not exist
     */
    Optional<Operation> claim(String id, Lease lease, Instant now);

    /**
     * Non-terminal operations nobody is responsible for: their lease lapsed at {@code now} (a node died
     * or stalled) or they have none. Recovery claims each and then fails or re-runs it.
     *
     * @param now   the time by which leases are judged
     * @param limit the most to return
     * @return up to {@code limit} such operations, oldest first
     */
    List<Operation> expiredLeases(Instant now, int limit);

    /**
     * Deletes one finished operation ({@code DELETE} on the status monitor).
     *
     * @param id the operation
     * @return true when it was terminal and is now gone; false when it is absent or not terminal
     */
    boolean delete(String id);

    /**
     * Deletes terminal operations whose expiration has passed at {@code now}; their Idempotency-Keys
     * become free again (the documented retention of a key is the operation's).
     *
     * @param now the time by which expirations are judged
     * @return how many were deleted
     */
    int purge(Instant now);
}
