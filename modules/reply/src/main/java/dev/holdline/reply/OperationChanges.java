package dev.holdline.reply;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells whoever waits on an operation (a parked status request, a submission held by
 * {@code Prefer: wait}) that this node has just stored a new value of it. Changes made by other nodes
 * sharing the store are not seen here; waiters re-read the store now and then for those.
 */
final class OperationChanges {

    private static final System.Logger LOG = System.getLogger(OperationChanges.class.getName());

    private final Map<String, List<Consumer<Operation>>> listeners = new ConcurrentHashMap<>();

    /**
     * @param operationId the operation to watch
     * @param listener    called, on the writing thread, with each newly stored value; must not block
     * @return the action that stops the calls
     */
    Runnable subscribe(String operationId, Consumer<Operation> listener) {
        listeners.computeIfAbsent(operationId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(operationId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    void publish(Operation stored) {
        List<Consumer<Operation>> watching = listeners.get(stored.id());
        if (watching == null) {
            return;
        }
        for (Consumer<Operation> listener : watching) {
            try {
                listener.accept(stored);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A listener of operation " + stored.id() + " failed", e);
            }
        }
    }

    /** @return how many operations someone watches now */
    int watched() {
        return listeners.size();
    }
}
