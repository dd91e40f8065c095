package dev.holdline.reply;

import dev.holdline.reply.store.OperationStore;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one way this node changes a stored operation: read, change, compare-and-set, and again when
 * someone else wrote in between (a cancel request racing a progress report, a lease renewal); then tell
 * the waiters. Nothing else calls {@link OperationStore#update}.
 */
final class OperationWrites {

    private static final int MAX_ATTEMPTS = 100;

    private final OperationStore store;
    private final OperationChanges changes;

    OperationWrites(OperationStore store, OperationChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    /**
     * @param id     the operation
     * @param change makes the new value from the stored one; returning its argument means "no change"
     *               and writes nothing; it may run several times and may throw
     *               {@link IllegalTransitionException}, which is passed on
     * @return the stored value after the change (or the unchanged one), or empty when there is no such
     *         operation
     */
    Optional<Operation> apply(String id, UnaryOperator<Operation> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Operation> current = store.find(id);
            if (current.isEmpty()) {
                return current;
            }
            Operation changed = change.apply(current.get());
            if (changed == current.get()) {
                return current;
            }
            Optional<Operation> stored = store.update(changed);
            if (stored.isPresent()) {
                changes.publish(stored.get());
                return stored;
            }
        }
        throw new IllegalStateException("operation " + id + " kept changing under " + MAX_ATTEMPTS + " attempts to update it");
    }

    /** Tells the waiters of a value stored by someone else on this node (creation, a claim). */
    void published(Operation stored) {
        changes.publish(stored);
    }
}
