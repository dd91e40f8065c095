package dev.holdline.reply.store;

import dev.holdline.reply.IdempotencyKey;
import dev.holdline.reply.Lease;
import dev.holdline.reply.Operation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Operations in this JVM's memory: the default store, fast, and lost on restart ({@link #durable()}
 * is false). Reads take no lock; creation, deletion and purging share one lock because each keeps
 * the id map and the Idempotency-Key map in step, and a key seen without its operation would let a
 * repeat through.
 */
public final class InMemoryOperationStore implements OperationStore {

    private record ScopedKey(String scope, String key) {
    }

    private final Map<String, Operation> byId = new ConcurrentHashMap<>();
    private final Map<ScopedKey, String> idByKey = new ConcurrentHashMap<>();
    private final Object structure = new Object();

    /** @return false: everything is lost when the JVM stops */
    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public Creation create(Operation operation) {
        Objects.requireNonNull(operation, "operation");
        ScopedKey key = operation.idempotency() == null ? null
                : new ScopedKey(operation.idempotency().scope(), operation.idempotency().key());
        synchronized (structure) {
            if (key != null) {
                String existing = idByKey.get(key);
                if (existing != null) {
                    return new Creation(byId.get(existing), false);
                }
            }
            if (byId.containsKey(operation.id())) {
                throw new OperationStoreException("operation id already stored: " + operation.id(), null);
            }
            Operation stored = operation.withVersion(0);
            byId.put(stored.id(), stored);
            if (key != null) {
                idByKey.put(key, stored.id());
            }
            return new Creation(stored, true);
        }
    }

    @Override
    public Optional<Operation> findByIdempotencyKey(IdempotencyKey key) {
        String id = idByKey.get(new ScopedKey(key.scope(), key.key()));
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Operation> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Operation> update(Operation changed) {
        Operation[] written = new Operation[1];
        byId.computeIfPresent(changed.id(), (id, current) -> {
            if (current.version() != changed.version()) {
                return current;
            }
            written[0] = changed.withVersion(current.version() + 1);
            return written[0];
        });
        return Optional.ofNullable(written[0]);
    }

    @Override
    public Optional<Operation> claim(String id, Lease lease, Instant now) {
        Operation[] written = new Operation[1];
        byId.computeIfPresent(id, (key, current) -> {
            if (!Leases.claimable(current, lease.owner(), now)) {
                return current;
            }
            written[0] = current.withLease(lease).withVersion(current.version() + 1);
            return written[0];
        });
        return Optional.ofNullable(written[0]);
    }

    @Override
    public List<Operation> expiredLeases(Instant now, int limit) {
        return byId.values().stream()
                .filter(op -> Leases.orphaned(op, now))
                .sorted(Comparator.comparing(Operation::createdDateTime))
                .limit(limit)
                .toList();
    }

    @Override
    public boolean delete(String id) {
        synchronized (structure) {
            Operation current = byId.get(id);
            if (current == null || !current.status().isTerminal()) {
                return false;
            }
            remove(current);
            return true;
        }
    }

    @Override
    public int purge(Instant now) {
        synchronized (structure) {
            List<Operation> due = byId.values().stream()
                    .filter(op -> op.status().isTerminal())
                    .filter(op -> op.expirationDateTime() != null && !op.expirationDateTime().isAfter(now))
                    .toList();
            due.forEach(this::remove);
            return due.size();
        }
    }

    // A terminal operation never changes again, so removing the value read under the lock is safe.
    private void remove(Operation op) {
        byId.remove(op.id());
        if (op.idempotency() != null) {
            idByKey.remove(new ScopedKey(op.idempotency().scope(), op.idempotency().key()), op.id());
        }
    }
}
