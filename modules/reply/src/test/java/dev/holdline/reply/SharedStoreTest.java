package dev.holdline.reply;

import dev.holdline.reply.store.JdbcOperationStore;
import dev.holdline.reply.store.OperationStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nodes sharing one durable store (H2 here; the same over PostgreSQL in {@code PostgresSharedStoreTest}):
 * leases keep each operation in one node's hands, and when a node goes away its operations are resumed
 * or recorded as interrupted by the others.
 */
class SharedStoreTest {

    private final List<ReplyRuntime> nodes = new CopyOnWriteArrayList<>();
    private final List<CountDownLatch> gates = new CopyOnWriteArrayList<>();
    private DataSource dataSource;

    @BeforeEach
    void database() {
        dataSource = newDatabase();
    }

    /** @return an empty database for one test */
    DataSource newDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:shared-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @AfterEach
    void stop() {
        gates.forEach(CountDownLatch::countDown);
        nodes.forEach(ReplyRuntime::close);
    }

    /** A new store object per node, as two JVMs would have. */
    OperationStore newStore() {
        return new JdbcOperationStore(dataSource);
    }

    private ReplyRuntime node(String name, int threads, OperationStore store, Map<String, OperationTask> resumable) {
        ReplyRuntime node = TestRuntimes.start(TestRuntimes.withDrain(TestRuntimes.settings(name, threads, 1000),
                Duration.ofMillis(100)), store, operations -> resumable.forEach(operations::declareResumable));
        nodes.add(node);
        return node;
    }

    private CountDownLatch gate() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return gate;
    }

    private static Operation awaitStatus(OperationStore store, String id, OperationStatus status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> store.find(id).orElseThrow(), op -> op.status() == status);
    }

    @Test
    void twoNodesRunEveryOperationExactlyOnce() {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        // Each run takes 20 ms of simulated work on a one-thread node, so 60 queued operations outlast the
        // 1 s lease: only renewal keeps the other node's recovery away from them.
        OperationTask counted = (input, progress) -> {
            runs.computeIfAbsent(progress.operationId(), id -> new AtomicInteger()).incrementAndGet();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            return OperationOutcome.done();
        };
        ReplyRuntime a = node("node-a", 1, newStore(), Map.of("count", counted));
        ReplyRuntime b = node("node-b", 1, newStore(), Map.of("count", counted));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            ReplyRuntime to = i % 2 == 0 ? a : b;
            ids.add(to.operations().submit(Submission.of("count", Integer.toString(i), counted)).id());
        }
        OperationStore reader = newStore();
        for (String id : ids) {
            awaitStatus(reader, id, OperationStatus.Succeeded);
        }
        for (String id : ids) {
            assertEquals(1, runs.get(id).get(), "operation " + id + " ran once");
        }
    }

    @Test
    void aRunningOperationKeepsItsLeaseLongerThanTheLeasePeriod() {
        CountDownLatch release = gate();
        AtomicInteger runsOnA = new AtomicInteger();
        AtomicInteger runsOnB = new AtomicInteger();
        ReplyRuntime a = node("node-a", 2, newStore(), Map.of("long", (input, progress) -> {
            runsOnA.incrementAndGet();
            release.await();
            return OperationOutcome.done();
        }));
        node("node-b", 2, newStore(), Map.of("long", (input, progress) -> {
            runsOnB.incrementAndGet();
            return OperationOutcome.done();
        }));
        Operation op = a.operations().submit(Submission.of("long", null, (input, progress) -> {
            runsOnA.incrementAndGet();
            release.await();
            return OperationOutcome.done();
        }));
        // Three lease periods: without renewal node B's recovery would have taken it over by then.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> runsOnB.get() == 0);
        release.countDown();
        awaitStatus(newStore(), op.id(), OperationStatus.Succeeded);
        assertEquals(1, runsOnA.get());
        assertEquals(0, runsOnB.get());
    }

    @Test
    void aResumableOperationReleasedAtUndeployIsRunAgainByTheNextNode() {
        CountDownLatch started = gate();
        CountDownLatch never = gate();
        OperationTask firstAttempt = (input, progress) -> {
            started.countDown();
            never.await();
            return OperationOutcome.done();
        };
        ReplyRuntime a = node("node-a", 2, newStore(), Map.of("export", firstAttempt));
        Operation op = a.operations().submit(Submission.of("export", "{\"report\":7}", firstAttempt));
        await().atMost(Duration.ofSeconds(10)).until(() -> started.getCount() == 0);
        nodes.remove(a);
        a.close();
        OperationStore reader = newStore();
        Operation released = reader.find(op.id()).orElseThrow();
        assertEquals(OperationStatus.Running, released.status(), "kept for a later run");
        assertNull(released.lease(), "released at undeploy");

        List<String> inputs = new CopyOnWriteArrayList<>();
        node("node-b", 2, newStore(), Map.of("export", (input, progress) -> {
            inputs.add(input);
            return OperationOutcome.resource("/reports/7");
        }));
        Operation done = awaitStatus(reader, op.id(), OperationStatus.Succeeded);
        assertEquals("/reports/7", done.resourceLocation());
        assertEquals(List.of("{\"report\":7}"), inputs, "run again with its stored input");
    }

    @Test
    void theOperationsOfACrashedNodeAreResumedOrRecordedInterrupted() {
        CountDownLatch started = gate();
        CountDownLatch never = gate();
        OperationTask hanging = (input, progress) -> {
            started.countDown();
            never.await();
            return OperationOutcome.done();
        };
        SeverableStore aStore = new SeverableStore(newStore());
        ReplyRuntime a = node("node-a", 4, aStore, Map.of("resumable", hanging));
        Operation resumable = a.operations().submit(Submission.of("resumable", null, hanging));
        Operation oneShot = a.operations().submit(Submission.of("one-shot", null, hanging));
        await().atMost(Duration.ofSeconds(10)).until(() -> started.getCount() == 0);
        aStore.sever();

        AtomicInteger resumed = new AtomicInteger();
        node("node-b", 2, newStore(), Map.of("resumable", (input, progress) -> {
            resumed.incrementAndGet();
            return OperationOutcome.done();
        }));
        OperationStore reader = newStore();
        awaitStatus(reader, resumable.id(), OperationStatus.Succeeded);
        Operation interrupted = awaitStatus(reader, oneShot.id(), OperationStatus.Failed);
        assertTrue(interrupted.error().contains("/problems/interrupted"), interrupted.error());
        assertEquals(1, resumed.get());
    }
}
