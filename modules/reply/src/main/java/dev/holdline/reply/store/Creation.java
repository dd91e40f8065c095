package dev.holdline.reply.store;

import dev.holdline.reply.Operation;

/**
 * What {@link OperationStore#create(Operation)} did.
 *
 * @param operation the stored operation: the new one, or the one already stored under the same
 *                  Idempotency-Key (scope and key)
 * @param created   true when {@code operation} is the new one; false for a repeat, whose caller
 *                  compares fingerprints (same body: the same 202; another body: 422)
 */
public record Creation(Operation operation, boolean created) {
}
