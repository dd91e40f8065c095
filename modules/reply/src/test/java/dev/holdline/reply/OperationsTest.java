package dev.holdline.reply;

import dev.holdline.http.JsonReader;
import dev.holdline.http.ProblemTypes;
import dev.holdline.reply.store.InMemoryOperationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Submitting, running, cancelling and refusing operations on one node with the in-memory store. */
class OperationsTest {

    private final List<CountDownLatch> gates = new CopyOnWriteArrayList<>();
    private ReplyRuntime runtime;

    @AfterEach
    void stop() {
        gates.forEach(CountDownLatch::countDown);
        if (runtime != null) {
            runtime.close();
        }
    }

    private Operations start(int threads, int queue) {
        runtime = TestRuntimes.start(TestRuntimes.settings("node-a", threads, queue), new InMemoryOperationStore());
        return runtime.operations();
    }

    private CountDownLatch gate() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return gate;
    }

    private Operation awaitStatus(Operations operations, String id, OperationStatus status) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> operations.find(id).orElseThrow(),
                op -> op.status() == status);
    }

    @Test
    void anOperationIsStoredBeforeSubmitReturnsAndSucceedsWithItsResource() {
        Operations operations = start(2, 10);
        CountDownLatch release = gate();
        Operation accepted = operations.submit(Submission.of("export", "{\"n\":1}", (input, progress) -> {
            release.await();
            return OperationOutcome.resource("/files/" + input.length());
        }));
        assertEquals(OperationStatus.NotStarted, accepted.status());
        assertTrue(operations.find(accepted.id()).isPresent(), "stored before the caller hears of it");
        awaitStatus(operations, accepted.id(), OperationStatus.Running);
        release.countDown();
        Operation done = awaitStatus(operations, accepted.id(), OperationStatus.Succeeded);
        assertEquals("/files/7", done.resourceLocation());
        assertEquals(100, done.percentComplete());
        assertNull(done.lease(), "a finished operation has no owner");
        assertNotNull(done.expirationDateTime(), "a finished operation expires after the retention period");
        assertEquals("{\"n\":1}", done.input());
    }

    @Test
    void progressIsStoredAndPublished() {
        Operations operations = start(2, 10);
        CountDownLatch reported = gate();
        CountDownLatch release = gate();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        Operation accepted = operations.submit(Submission.of("export", null, (input, progress) -> {
            progress.report(40, "halfway there");
            reported.countDown();
            release.await();
            return OperationOutcome.result(Map.of("rows", 3));
        }));
        runtime.changes().subscribe(accepted.id(), op -> seen.add(op.percentComplete()));
        await().atMost(Duration.ofSeconds(10)).until(() -> reported.getCount() == 0);
        Operation running = operations.find(accepted.id()).orElseThrow();
        assertEquals(40, running.percentComplete());
        assertEquals("halfway there", running.message());
        release.countDown();
        Operation done = awaitStatus(operations, accepted.id(), OperationStatus.Succeeded);
        assertEquals("3", JsonReader.parse(done.result()).object().get("rows").raw());
        assertTrue(seen.contains(100), "completion is published to subscribers: " + seen);
    }

    @Test
    void aTaskExceptionFailsTheOperationWithoutLeakingItsMessage() {
        Operations operations = start(2, 10);
        Operation accepted = operations.submit(Submission.of("export", null, (input, progress) -> {
            throw new IllegalStateException("password=hunter2 in the connection string");
        }));
        Operation failed = awaitStatus(operations, accepted.id(), OperationStatus.Failed);
        assertTrue(failed.error().contains("/problems/operation-failed"), failed.error());
        assertFalse(failed.error().contains("hunter2"), failed.error());
    }

    @Test
    void anOperationFailedExceptionFailsWithItsProblem() {
        Operations operations = start(2, 10);
        Operation accepted = operations.submit(Submission.of("export", null, (input, progress) -> {
            throw new OperationFailedException(ProblemTypes.defaults().problem("no-such-report", 404)
                    .title("No such report").build());
        }));
        Operation failed = awaitStatus(operations, accepted.id(), OperationStatus.Failed);
        assertTrue(failed.error().contains("/problems/no-such-report"), failed.error());
    }

    @Test
    void aDeadlineInterruptsTheTaskAndFailsTheOperation() {
        Operations operations = start(2, 10);
        CountDownLatch never = gate();
        Operation accepted = operations.submit(Submission.of("export", null, (input, progress) -> {
            never.await();
            return OperationOutcome.done();
        }).withDeadline(Duration.ofMillis(200)));
        Operation failed = awaitStatus(operations, accepted.id(), OperationStatus.Failed);
        assertTrue(failed.error().contains("/problems/deadline-exceeded"), failed.error());
    }

    @Test
    void cancellingARunningOperationInterruptsItsTaskAndEndsCanceled() {
        Operations operations = start(2, 10);
        CountDownLatch never = gate();
        CountDownLatch started = gate();
        Operation accepted = operations.submit(Submission.of("export", null, (input, progress) -> {
            started.countDown();
            never.await();
            return OperationOutcome.done();
        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> started.getCount() == 0);
        Operation after = operations.cancel(accepted.id());
        assertTrue(after.status() == OperationStatus.Canceling || after.status() == OperationStatus.Canceled, after.status().name());
        awaitStatus(operations, accepted.id(), OperationStatus.Canceled);
        assertEquals(OperationStatus.Canceled, operations.cancel(accepted.id()).status(), "cancel is idempotent");
    }

    @Test
    void cancellingAQueuedOperationCancelsItAtOnceAndItNeverRuns() {
        Operations operations = start(1, 10);
        CountDownLatch busy = gate();
        operations.submit(Submission.of("block", null, (input, progress) -> {
            busy.await();
            return OperationOutcome.done();
        }));
        AtomicInteger ran = new AtomicInteger();
        Operation queued = operations.submit(Submission.of("export", null, (input, progress) -> {
            ran.incrementAndGet();
            return OperationOutcome.done();
        }));
        assertEquals(OperationStatus.Canceled, operations.cancel(queued.id()).status());
        busy.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.inFlight() == 0);
        assertEquals(0, ran.get());
    }

    @Test
    void aFinishedOperationCannotBeCanceledAndAnUnknownOneIsNotFound() {
        Operations operations = start(2, 10);
        Operation accepted = operations.submit(Submission.of("export", null, (input, progress) -> OperationOutcome.done()));
        awaitStatus(operations, accepted.id(), OperationStatus.Succeeded);
        assertThrows(IllegalTransitionException.class, () -> operations.cancel(accepted.id()));
        assertThrows(NoSuchElementException.class, () -> operations.cancel(OperationIds.newId()));
        assertTrue(operations.delete(accepted.id()));
        assertTrue(operations.find(accepted.id()).isEmpty());
        assertTrue(operations.find("not/an id").isEmpty());
    }

    @Test
    void aFullExecutorRefusesWith503AndStoresNothing() {
        Operations operations = start(1, 1);
        CountDownLatch busy = gate();
        OperationTask blocking = (input, progress) -> {
            busy.await();
            return OperationOutcome.done();
        };
        operations.submit(Submission.of("block", null, blocking));
        operations.submit(Submission.of("block", null, blocking));
        SubmissionRefusedException refused = assertThrows(SubmissionRefusedException.class,
                () -> operations.submit(Submission.of("block", null, blocking)));
        assertEquals(503, refused.problem().status());
        assertEquals(Duration.ofSeconds(1), refused.retryAfter().orElseThrow());
        assertEquals(2, runtime.inFlight());
        busy.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.inFlight() == 0);
        assertNotNull(operations.submit(Submission.of("block", null, blocking)), "capacity comes back");
    }

    @Test
    void fiftyConcurrentRepeatsOfOneKeyRunOnceAndAllGetTheSameOperation() throws Exception {
        Operations operations = start(4, 100);
        AtomicInteger executions = new AtomicInteger();
        IdempotencyKey key = new IdempotencyKey("alice POST /exports", "k-1", IdempotencyKeys.fingerprint("export", "{}"));
        ExecutorService clients = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(clients.submit(() -> {
                go.await();
                try {
                    return operations.submit(Submission.of("export", "{}", (input, progress) -> {
                        executions.incrementAndGet();
                        return OperationOutcome.done();
                    }).withIdempotencyKey(key)).id();
                } catch (SubmissionRefusedException e) {
                    return e.problem().status();
                }
            }));
        }
        go.countDown();
        Set<Object> ids = ConcurrentHashMap.newKeySet();
        for (Future<Object> answer : answers) {
            Object value = answer.get(10, TimeUnit.SECONDS);
            if (value instanceof Integer status) {
                assertEquals(409, status, "a refused repeat is 409 while the first is accepted");
            } else {
                ids.add(value);
            }
        }
        clients.shutdownNow();
        assertEquals(1, ids.size(), "every accepted repeat names the same operation: " + ids);
        String id = (String) ids.iterator().next();
        awaitStatus(operations, id, OperationStatus.Succeeded);
        assertEquals(id, operations.submit(Submission.of("export", "{}", (input, progress) -> {
            executions.incrementAndGet();
            return OperationOutcome.done();
        }).withIdempotencyKey(key)).id(), "a later repeat gets the same operation");
        assertEquals(1, executions.get());
    }

    @Test
    void aKeyReusedWithAnotherInputIsRefusedWith422() {
        Operations operations = start(2, 10);
        OperationTask task = (input, progress) -> OperationOutcome.done();
        IdempotencyKey first = new IdempotencyKey("bob POST /exports", "k-2", IdempotencyKeys.fingerprint("export", "{\"a\":1}"));
        IdempotencyKey other = new IdempotencyKey("bob POST /exports", "k-2", IdempotencyKeys.fingerprint("export", "{\"a\":2}"));
        Operation accepted = operations.submit(Submission.of("export", "{\"a\":1}", task).withIdempotencyKey(first));
        SubmissionRefusedException refused = assertThrows(SubmissionRefusedException.class,
                () -> operations.submit(Submission.of("export", "{\"a\":2}", task).withIdempotencyKey(other)));
        assertEquals(422, refused.problem().status());
        assertEquals(accepted.id(), refused.problem().extensions().get("operationId"));
        IdempotencyKey otherUser = new IdempotencyKey("carol POST /exports", "k-2", IdempotencyKeys.fingerprint("export", "{\"a\":2}"));
        assertFalse(accepted.id().equals(operations.submit(Submission.of("export", "{\"a\":2}", task)
                .withIdempotencyKey(otherUser)).id()), "keys are scoped per principal");
    }

    @Test
    void shutdownRefusesNewWorkAndRecordsUnfinishedWorkAsInterrupted() {
        runtime = TestRuntimes.start(TestRuntimes.withDrain(TestRuntimes.settings("node-a", 2, 10), Duration.ofMillis(200)),
                new InMemoryOperationStore());
        Operations operations = runtime.operations();
        CountDownLatch never = gate();
        CountDownLatch started = gate();
        Operation running = operations.submit(Submission.of("export", null, (input, progress) -> {
            started.countDown();
            never.await();
            return OperationOutcome.done();
        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> started.getCount() == 0);
        ReplyRuntime closing = runtime;
        runtime = null;
        closing.close();
        Operation after = closing.store().find(running.id()).orElseThrow();
        assertEquals(OperationStatus.Failed, after.status());
        assertTrue(after.error().contains("/problems/interrupted"), after.error());
        SubmissionRefusedException refused = assertThrows(SubmissionRefusedException.class,
                () -> operations.submit(Submission.of("export", null, (input, progress) -> OperationOutcome.done())));
        assertEquals(503, refused.problem().status());
        assertTrue(refused.retryAfter().isPresent());
    }
}
