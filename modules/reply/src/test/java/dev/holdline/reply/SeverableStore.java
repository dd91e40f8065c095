package dev.holdline.reply;

import dev.holdline.reply.store.Creation;
import dev.holdline.reply.store.OperationStore;
import dev.holdline.reply.store.OperationStoreException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A node's view of a shared store that can be cut off, as when the node crashes or loses the database. */
final class SeverableStore implements OperationStore {

    private final OperationStore delegate;
    private volatile boolean severed;

    SeverableStore(OperationStore delegate) {
        this.delegate = delegate;
    }

    void sever() {
        severed = true;
    }

    private OperationStore live() {
        if (severed) {
            throw new OperationStoreException("severed", null);
        }
        return delegate;
    }

    @Override
    public boolean durable() {
        return delegate.durable();
    }

    @Override
    public Creation create(Operation operation) {
        return live().create(operation);
    }

    @Override
    public Optional<Operation> find(String id) {
        return live().find(id);
    }

    @Override
    public Optional<Operation> findByIdempotencyKey(IdempotencyKey key) {
        return live().findByIdempotencyKey(key);
    }

    @Override
    public Optional<Operation> update(Operation changed) {
        return live().update(changed);
    }

    @Override
    public Optional<Operation> claim(String id, Lease lease, Instant now) {
        return live().claim(id, lease, now);
    }

    @Override
    public List<Operation> expiredLeases(Instant now, int limit) {
        return live().expiredLeases(now, limit);
    }

    @Override
    public boolean delete(String id) {
        return live().delete(id);
    }

    @Override
    public int purge(Instant now) {
        return live().purge(now);
    }
}
