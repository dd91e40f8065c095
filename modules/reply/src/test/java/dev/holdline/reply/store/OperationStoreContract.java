package dev.holdline.reply.store;

import dev.holdline.reply.IdempotencyKey;
import dev.holdline.reply.Lease;
import dev.holdline.reply.Operation;
import dev.holdline.reply.OperationIds;
import dev.holdline.reply.OperationStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link OperationStore} promises. Each implementation's test extends this and supplies a
 * fresh, empty store; {@link #secondNode()} is the same data seen by another node (another store
 * instance over the same database), which is where racing matters most.
 */
abstract class OperationStoreContract {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String PROBLEM = "{\"type\":\"https://holdline.dev/problems/interrupted\",\"status\":500}";

    OperationStore store;

    /** @return a new, empty store */
    abstract OperationStore newStore();

    /** @return a second view of {@link #store}'s data, as another node has it */
    abstract OperationStore secondNode();

    abstract boolean expectedDurable();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    static Operation op(IdempotencyKey key, Lease lease) {
        return Operation.accepted(OperationIds.newId(), "report", T0, T0.plusSeconds(3600), key, lease);
    }

    static IdempotencyKey key(String scope, String key, String fingerprint) {
        return new IdempotencyKey(scope, key, fingerprint);
    }

    @Test
    void saysWhetherItIsDurable() {
        assertEquals(expectedDurable(), store.durable());
    }

    @Test
    void whatIsCreatedIsFoundAsIs() {
        Operation op = op(key("alice POST /reports", "k1", "sha256:abc"), new Lease("node-a", T0.plusSeconds(30)));
        Creation creation = store.create(op);
        assertTrue(creation.created());
        assertEquals(op, creation.operation());
        assertEquals(Optional.of(op), store.find(op.id()));
        assertEquals(Optional.of(op), secondNode().find(op.id()));
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        Operation op = op(null, null);
        store.create(op);
        Operation running = store.update(op.start(T0.plusMillis(1)).progress(42, "ünïcode ✓", T0.plusMillis(2))).orElseThrow();
        String bigJson = "{\"rows\":\"" + "x".repeat(100_000) + "\"}";
        Operation done = store.update(running.succeed(null, bigJson, T0.plusMillis(3))).orElseThrow();
        assertEquals(Optional.of(done), store.find(op.id()));
        Operation failed = op(null, null);
        store.create(failed);
        Operation storedFailure = store.update(failed.fail(PROBLEM, T0.plusMillis(4))).orElseThrow();
        assertEquals(Optional.of(storedFailure), store.find(failed.id()));
    }

    @Test
    void theInputIsKeptForAResumedRun() {
        String input = "{\"report\":\"ünïcode ✓\",\"pad\":\"" + "y".repeat(50_000) + "\"}";
        Operation op = Operation.accepted(OperationIds.newId(), "report", input, T0, null, null, null);
        store.create(op);
        assertEquals(input, store.find(op.id()).orElseThrow().input());
        assertEquals(input, secondNode().find(op.id()).orElseThrow().input());
    }

    @Test
    void anOperationIsFoundByItsIdempotencyKey() {
        Operation first = op(key("alice POST /reports", "k1", "fp-1"), null);
        store.create(first);
        assertEquals(Optional.of(first), secondNode().findByIdempotencyKey(key("alice POST /reports", "k1", "other")));
        assertEquals(Optional.empty(), store.findByIdempotencyKey(key("bob POST /reports", "k1", "fp-1")));
        assertEquals(Optional.empty(), store.findByIdempotencyKey(key("alice POST /reports", "k2", "fp-1")));
    }

    @Test
    void unknownIdsAreNotFound() {
        assertEquals(Optional.empty(), store.find(OperationIds.newId()));
        assertEquals(Optional.empty(), store.update(op(null, null)));
        assertEquals(Optional.empty(), store.claim(OperationIds.newId(), new Lease("n", T0), T0));
        assertFalse(store.delete(OperationIds.newId()));
    }

    @Test
    void aRepeatedKeyReturnsTheFirstOperation() {
        Operation first = op(key("alice POST /reports", "k1", "fp-1"), null);
        store.create(first);
        Creation repeat = secondNode().create(op(key("alice POST /reports", "k1", "fp-2"), null));
        assertFalse(repeat.created());
        assertEquals(first, repeat.operation());
        assertEquals("fp-1", repeat.operation().idempotency().fingerprint(), "the caller compares fingerprints");
    }

    @Test
    void keysAreScoped() {
        Creation alice = store.create(op(key("alice POST /reports", "k1", "fp"), null));
        Creation bob = store.create(op(key("bob POST /reports", "k1", "fp"), null));
        Creation otherRoute = store.create(op(key("alice POST /exports", "k1", "fp"), null));
        assertTrue(alice.created() && bob.created() && otherRoute.created());
        assertEquals(3, Set.of(alice.operation().id(), bob.operation().id(), otherRoute.operation().id()).size());
    }

    /**
     * The widest scope and key the model accepts, in three-byte UTF-8 characters picked at random so
     * that a database cannot compress them: about 2.3 kB of key, near PostgreSQL's limit for a b-tree
     * index entry. Then the same in four-byte characters (surrogate pairs in Java).
     */
    @Test
    void theWidestMultibyteScopesAndKeysAreKeptAndStayUnique() {
        Random random = new Random(6);
        for (IntSupplier codePoint : List.<IntSupplier>of(
                () -> 0x4E00 + random.nextInt(0x5000),      // CJK ideographs: 3 bytes each
                () -> 0x1F300 + random.nextInt(0x300))) {   // pictographs: 4 bytes, 2 Java chars each
            String scope = text(codePoint, IdempotencyKey.MAX_SCOPE_LENGTH);
            String keyValue = text(codePoint, IdempotencyKey.MAX_KEY_LENGTH);
            Operation first = op(key(scope, keyValue, "fp-1"), null);
            assertTrue(store.create(first).created());
            assertEquals(Optional.of(first), secondNode().find(first.id()));
            Creation repeat = secondNode().create(op(key(scope, keyValue, "fp-2"), null));
            assertFalse(repeat.created());
            assertEquals(first, repeat.operation());
            String otherKey = keyValue.substring(0, keyValue.length() - 2) + new String(Character.toChars(0x1F600));
            assertTrue(store.create(op(key(scope, otherKey, "fp-1"), null)).created(), "keys differing at the end");
            String otherScope = new String(Character.toChars(0x1F600)) + scope.substring(2);
            assertTrue(store.create(op(key(otherScope, keyValue, "fp-1"), null)).created(), "scopes differing at the start");
        }
    }

    // As many code points as fit in maxChars Java chars.
    private static String text(IntSupplier codePoint, int maxChars) {
        StringBuilder out = new StringBuilder();
        while (true) {
            char[] next = Character.toChars(codePoint.getAsInt());
            if (out.length() + next.length > maxChars) {
                return out.toString();
            }
            out.append(next);
        }
    }

    @Test
    void operationsWithoutKeysNeverCollide() {
        assertTrue(store.create(op(null, null)).created());
        assertTrue(store.create(op(null, null)).created());
    }

    @Test
    void fiftyConcurrentCreatesWithOneKeyStoreOneOperation() throws Exception {
        int callers = 50;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Creation>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                OperationStore node = i % 2 == 0 ? store : secondNode();
                Operation candidate = op(key("alice POST /reports", "same-key", "fp"), null);
                results.add(pool.submit(() -> {
                    go.await();
                    return node.create(candidate);
                }));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<Creation> f : results) {
                Creation c = f.get(30, TimeUnit.SECONDS);
                ids.add(c.operation().id());
                created += c.created() ? 1 : 0;
            }
            assertEquals(1, created, "exactly one create stored an operation");
            assertEquals(1, ids.size(), "every caller got that operation");
            assertTrue(store.find(ids.iterator().next()).isPresent());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void updateIsACompareAndSetOnTheVersion() {
        Operation op = op(null, null);
        store.create(op);
        Operation v1 = store.update(op.start(T0.plusSeconds(1))).orElseThrow();
        assertEquals(1, v1.version());
        assertEquals(OperationStatus.Running, v1.status());
        assertEquals(Optional.empty(), secondNode().update(op.requestCancel(T0.plusSeconds(2))),
                "a value made from version 0 is stale now");
        assertEquals(Optional.of(v1), store.find(op.id()));
        Operation v2 = secondNode().update(v1.requestCancel(T0.plusSeconds(3))).orElseThrow();
        assertEquals(2, v2.version());
        assertEquals(OperationStatus.Canceling, store.find(op.id()).orElseThrow().status());
    }

    @Test
    void aLeaseGoesToOneOwnerUntilItLapses() {
        Operation op = op(null, null);
        store.create(op);
        Instant lapse = T0.plusSeconds(30);
        Operation mine = store.claim(op.id(), new Lease("node-a", lapse), T0).orElseThrow();
        assertEquals(new Lease("node-a", lapse), mine.lease());
        assertEquals(Optional.empty(), secondNode().claim(op.id(), new Lease("node-b", T0.plusSeconds(60)), T0.plusSeconds(29)));
        Operation renewed = store.claim(op.id(), new Lease("node-a", T0.plusSeconds(60)), T0.plusSeconds(29)).orElseThrow();
        assertEquals(T0.plusSeconds(60), renewed.lease().expires());
        Operation taken = secondNode().claim(op.id(), new Lease("node-b", T0.plusSeconds(120)), T0.plusSeconds(60)).orElseThrow();
        assertEquals("node-b", taken.lease().owner());
        assertEquals(Optional.empty(), store.claim(op.id(), new Lease("node-a", T0.plusSeconds(200)), T0.plusSeconds(61)),
                "the old owner cannot renew a lease it lost");
    }

    @Test
    void aClaimChangesTheVersionSoAStaleWriterIsRefused() {
        Operation op = op(null, null);
        store.create(op);
        store.claim(op.id(), new Lease("node-a", T0.plusSeconds(30)), T0).orElseThrow();
        assertEquals(Optional.empty(), store.update(op.start(T0)));
    }

    @Test
    void finishedOperationsCannotBeClaimed() {
        Operation op = op(null, null);
        store.create(op);
        store.update(op.fail(PROBLEM, T0)).orElseThrow();
        assertEquals(Optional.empty(), store.claim(op.id(), new Lease("node-a", T0.plusSeconds(30)), T0));
    }

    @Test
    void twoConcurrentClaimsHaveExactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                Operation op = op(null, null);
                store.create(op);
                CountDownLatch go = new CountDownLatch(1);
                Callable<Optional<Operation>> a = () -> {
                    go.await();
                    return store.claim(op.id(), new Lease("node-a", T0.plusSeconds(30)), T0);
                };
                Callable<Optional<Operation>> b = () -> {
                    go.await();
                    return secondNode().claim(op.id(), new Lease("node-b", T0.plusSeconds(30)), T0);
                };
                Future<Optional<Operation>> fa = pool.submit(a);
                Future<Optional<Operation>> fb = pool.submit(b);
                go.countDown();
                Optional<Operation> ra = fa.get(30, TimeUnit.SECONDS);
                Optional<Operation> rb = fb.get(30, TimeUnit.SECONDS);
                assertTrue(ra.isPresent() ^ rb.isPresent(), "round " + round + ": exactly one winner");
                String winner = ra.isPresent() ? "node-a" : "node-b";
                assertEquals(winner, store.find(op.id()).orElseThrow().lease().owner());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void expiredLeasesListsNonTerminalOperationsNobodyOwns() {
        Operation lapsed = op(null, new Lease("dead-node", T0.plusSeconds(10)));
        Operation unowned = Operation.accepted(OperationIds.newId(), "report", T0.plusSeconds(1), null, null, null);
        Operation owned = op(null, new Lease("live-node", T0.plusSeconds(100)));
        Operation finished = op(null, new Lease("dead-node", T0.plusSeconds(10)));
        for (Operation o : List.of(lapsed, unowned, owned, finished)) {
            store.create(o);
        }
        store.update(finished.start(T0).succeed(null, "{}", T0)).orElseThrow();
        List<String> ids = secondNode().expiredLeases(T0.plusSeconds(10), 100).stream().map(Operation::id).toList();
        assertEquals(List.of(lapsed.id(), unowned.id()), ids, "oldest first; the lapsed lease counts at its instant");
        assertEquals(1, store.expiredLeases(T0.plusSeconds(10), 1).size());
    }

    @Test
    void onlyFinishedOperationsAreDeleted() {
        Operation running = op(null, null);
        store.create(running);
        store.update(running.start(T0)).orElseThrow();
        assertFalse(store.delete(running.id()));
        assertTrue(store.find(running.id()).isPresent());

        Operation done = op(key("alice", "k", "fp"), null);
        store.create(done);
        store.update(done.cancel(T0)).orElseThrow();
        assertTrue(secondNode().delete(done.id()));
        assertEquals(Optional.empty(), store.find(done.id()));
        assertTrue(store.create(op(key("alice", "k", "fp"), null)).created(), "its key is free again");
    }

    @Test
    void purgeDeletesFinishedOperationsPastTheirExpiration() {
        Operation expiredDone = op(key("alice", "k", "fp"), null).withExpiration(T0.plusSeconds(10));
        Operation laterDone = op(null, null).withExpiration(T0.plusSeconds(100));
        Operation expiredRunning = op(null, null).withExpiration(T0.plusSeconds(10));
        Operation neverExpires = op(null, null).withExpiration(null);
        for (Operation o : List.of(expiredDone, laterDone, expiredRunning, neverExpires)) {
            store.create(o);
        }
        store.update(expiredDone.fail(PROBLEM, T0)).orElseThrow();
        store.update(laterDone.fail(PROBLEM, T0)).orElseThrow();
        store.update(expiredRunning.start(T0)).orElseThrow();
        store.update(neverExpires.cancel(T0)).orElseThrow();

        assertEquals(1, secondNode().purge(T0.plusSeconds(10)));
        assertEquals(Optional.empty(), store.find(expiredDone.id()));
        assertTrue(store.find(laterDone.id()).isPresent());
        assertTrue(store.find(expiredRunning.id()).isPresent(), "recovery, not purge, ends unfinished work");
        assertTrue(store.find(neverExpires.id()).isPresent());
        Creation again = store.create(op(key("alice", "k", "fp"), null));
        assertTrue(again.created());
        assertNotEquals(expiredDone.id(), again.operation().id());
    }
}
