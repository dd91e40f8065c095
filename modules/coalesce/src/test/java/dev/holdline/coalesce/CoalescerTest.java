package dev.holdline.coalesce;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    /** A caller of {@code key} that runs the work and holds inside it until {@link #release()}. */
    private final class HeldLeader {
        private final CountDownLatch release = new CountDownLatch(1);
        final Future<String> result;

        HeldLeader(Coalescer<String, String> coalescer, String key, String value) throws InterruptedException {
            CountDownLatch inside = new CountDownLatch(1);
            result = callers.submit(() -> coalescer.call(key, () -> {
                inside.countDown();
                release.await();
                return value;
            }));
            assertTrue(inside.await(BOUND.toSeconds(), TimeUnit.SECONDS), "the leader runs the work");
        }

        void release() {
            release.countDown();
        }
    }

    /** Starts {@code count} callers of {@code key} once the first is inside the work, which waits for {@code release}. */
    private <V> List<Future<V>> concurrentCalls(Coalescer<String, V> coalescer, String key, int count,
            CoalescedCall<V, ? extends Exception> work, CountDownLatch inside) throws InterruptedException {
        List<Future<V>> calls = new ArrayList<>();
        calls.add(callers.submit(() -> coalescer.call(key, work)));
        assertTrue(inside.await(BOUND.toSeconds(), TimeUnit.SECONDS), "the leader runs the work");
        for (int i = 1; i < count; i++) {
            calls.add(callers.submit(() -> coalescer.call(key, work)));
        }
        await().atMost(BOUND).until(() -> coalescer.stats().joins() == count - 1);
        return calls;
    }

    @Test
    void concurrentCallersOfOneKeyShareOneExecutionAndItsValue() throws Exception {
        Coalescer<String, Object> coalescer = Coalescer.create();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Object>> calls = concurrentCalls(coalescer, "k", 50, () -> {
            runs.incrementAndGet();
            inside.countDown();
            release.await();
            return new Object();
        }, inside);
        release.countDown();
        Object first = calls.get(0).get(BOUND.toSeconds(), TimeUnit.SECONDS);
        for (Future<Object> call : calls) {
            assertSame(first, call.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        }
        assertEquals(1, runs.get());
        CoalescerStats stats = coalescer.stats();
        assertEquals(1, stats.executions());
        assertEquals(49, stats.joins());
        assertEquals(0, stats.inFlight());
        assertEquals(0, coalescer.size(), "the key is released");
    }

    @Test
    void everyCallerGetsTheSameCheckedExceptionUnwrappedAndTheNextCallRunsAgain() throws Exception {
        Coalescer<String, String> coalescer = Coalescer.create();
        IOException failure = new IOException("upstream down");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> calls = concurrentCalls(coalescer, "k", 10, () -> {
            inside.countDown();
            release.await();
            throw failure;
        }, inside);
        release.countDown();
        for (Future<String> call : calls) {
            ExecutionException thrown = assertThrows(ExecutionException.class, () -> call.get(BOUND.toSeconds(), TimeUnit.SECONDS));
            assertSame(failure, thrown.getCause(), "the leader's exception itself, not a wrapper");
        }
        assertEquals("fine", coalescer.call("k", () -> "fine"), "a failure is not kept");
        assertEquals(2, coalescer.stats().executions());
    }

    @Test
    void aCheckedExceptionKeepsItsStaticType() {
        Coalescer<String, String> coalescer = Coalescer.create();
        IOException failure = new IOException("no");
        IOException thrown = assertThrows(IOException.class, () -> readThrough(coalescer, failure));
        assertSame(failure, thrown);
        IllegalStateException unchecked = new IllegalStateException("bad");
        assertSame(unchecked, assertThrows(IllegalStateException.class, () -> coalescer.call("u", () -> {
            throw unchecked;
        })));
    }

    /** Compiles only if {@code call} declares the work's own checked exception. */
    private static String readThrough(Coalescer<String, String> coalescer, IOException failure) throws IOException {
        return coalescer.call("io", () -> {
            throw failure;
        });
    }

    @Test
    void differentKeysRunSeparately() throws Exception {
        Coalescer<String, String> coalescer = Coalescer.create();
        CountDownLatch bothInside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> a = callers.submit(() -> coalescer.call("a", () -> {
            bothInside.countDown();
            release.await();
            return "A";
        }));
        Future<String> b = callers.submit(() -> coalescer.call("b", () -> {
            bothInside.countDown();
            release.await();
            return "B";
        }));
        assertTrue(bothInside.await(BOUND.toSeconds(), TimeUnit.SECONDS), "both keys execute at the same time");
        assertEquals(2, coalescer.stats().inFlight());
        release.countDown();
        assertEquals("A", a.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        assertEquals("B", b.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        assertEquals(2, coalescer.stats().executions());
        assertEquals(0, coalescer.stats().joins());
    }

    @Test
    void aWaiterTimesOutAloneAndTheExecutionGoesOn() throws Exception {
        Coalescer<String, String> coalescer = Coalescer.create();
        HeldLeader leader = new HeldLeader(coalescer, "k", "late");
        Future<String> patient = callers.submit(() -> coalescer.call("k", () -> "never run"));
        CoalescedWaitTimeoutException timedOut = assertThrows(CoalescedWaitTimeoutException.class,
                () -> coalescer.call("k", Duration.ofMillis(50), () -> "never run"));
        assertEquals("k", timedOut.key());
        assertEquals(1, coalescer.stats().timeouts());
        assertFalse(leader.result.isDone(), "the leader is not cancelled");
        leader.release();
        assertEquals("late", leader.result.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        assertEquals("late", patient.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        assertEquals(1, coalescer.stats().executions());
    }

    @Test
    void theDefaultWaitTimeoutAppliesToJoinedCallers() throws Exception {
        Coalescer<String, String> coalescer = Coalescer.builder().waitTimeout(Duration.ofMillis(50)).build();
        HeldLeader leader = new HeldLeader(coalescer, "k", "v");
        assertThrows(CoalescedWaitTimeoutException.class, () -> coalescer.call("k", () -> "x"));
        leader.release();
        assertEquals("v", leader.result.get(BOUND.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void keysAreReleasedSoTheMapDoesNotGrow() throws Exception {
        Coalescer<Integer, Integer> coalescer = Coalescer.create();
        for (int i = 0; i < 10_000; i++) {
            int key = i;
            assertEquals(key, coalescer.call(key, () -> key));
        }
        assertEquals(0, coalescer.size());
        assertThrows(IllegalArgumentException.class, () -> coalescer.call(-1, () -> {
            throw new IllegalArgumentException();
        }));
        assertEquals(0, coalescer.size());
    }

    @Test
    void aTtlReusesASuccessfulResultThenLetsItGo() throws Exception {
        Coalescer<String, Object> coalescer = Coalescer.builder().ttl(Duration.ofMillis(300)).build();
        Object first = coalescer.call("k", Object::new);
        assertSame(first, coalescer.call("k", Object::new), "reused within the ttl");
        assertEquals(1, coalescer.stats().reused());
        await().atMost(BOUND).until(() -> coalescer.size() == 0);
        Object later = coalescer.call("k", Object::new);
        assertFalse(first == later, "run again after the ttl");
        assertEquals(2, coalescer.stats().executions());
    }

    @Test
    void aTtlNeverKeepsAFailure() {
        Coalescer<String, String> coalescer = Coalescer.builder().ttl(Duration.ofMinutes(1)).build();
        assertThrows(IllegalStateException.class, () -> coalescer.call("k", () -> {
            throw new IllegalStateException();
        }));
        assertEquals(0, coalescer.size());
        assertEquals("ok", coalescer.call("k", () -> "ok"));
    }

    @Test
    void workCallingItsOwnKeyIsRefusedRatherThanDeadlocked() {
        Coalescer<String, String> coalescer = Coalescer.create();
        assertThrows(IllegalStateException.class, () -> coalescer.call("k", () -> coalescer.call("k", () -> "inner")));
        assertEquals(0, coalescer.size());
        assertEquals("other key", coalescer.call("k", () -> coalescer.call("j", () -> "other key")));
    }

    @Test
    void anInterruptedWaiterStopsWaitingWithItsFlagSet() throws Exception {
        Coalescer<String, String> coalescer = Coalescer.create();
        HeldLeader leader = new HeldLeader(coalescer, "k", "v");
        CompletableFuture<Boolean> flagAfter = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                coalescer.call("k", () -> "x");
                flagAfter.complete(false);
            } catch (CancellationException expected) {
                flagAfter.complete(Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        await().atMost(BOUND).until(() -> coalescer.stats().joins() == 1);
        waiter.interrupt();
        assertTrue(flagAfter.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        leader.release();
        assertEquals("v", leader.result.get(BOUND.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void asyncCallersShareOneStageAndGetTheOriginalException() throws Exception {
        Coalescer<String, String> coalescer = Coalescer.create();
        CompletableFuture<String> upstream = new CompletableFuture<>();
        AtomicInteger runs = new AtomicInteger();
        List<CompletableFuture<String>> views = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            views.add(coalescer.callAsync("k", () -> {
                runs.incrementAndGet();
                return upstream.thenApply(value -> value);   // a dependent stage fails with a CompletionException
            }));
        }
        assertEquals(1, runs.get());
        IOException failure = new IOException("down");
        upstream.completeExceptionally(failure);
        for (CompletableFuture<String> view : views) {
            ExecutionException thrown = assertThrows(ExecutionException.class, () -> view.get(BOUND.toSeconds(), TimeUnit.SECONDS));
            assertSame(failure, thrown.getCause());
        }
        assertEquals(0, coalescer.size());
    }

    @Test
    void cancellingOrTimingOutOneAsyncViewLeavesTheExecutionToTheOthers() throws Exception {
        Coalescer<String, String> coalescer = Coalescer.create();
        CompletableFuture<String> upstream = new CompletableFuture<>();
        CompletableFuture<String> leader = coalescer.callAsync("k", () -> upstream);
        CompletableFuture<String> impatient = coalescer.callAsync("k", Duration.ofMillis(50), () -> upstream);
        CompletableFuture<String> cancelled = coalescer.callAsync("k", () -> upstream);
        assertTrue(cancelled.cancel(true));
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> impatient.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        assertTrue(thrown.getCause() instanceof CoalescedWaitTimeoutException, thrown.toString());
        assertFalse(upstream.isDone());
        upstream.complete("v");
        assertEquals("v", leader.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        assertEquals(1, coalescer.stats().timeouts());
    }

    @Test
    void workThatThrowsBeforeReturningAStageFailsEveryView() {
        Coalescer<String, String> coalescer = Coalescer.create();
        IllegalStateException failure = new IllegalStateException("no client");
        CompletableFuture<String> view = coalescer.callAsync("k", () -> {
            throw failure;
        });
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> view.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        assertSame(failure, thrown.getCause());
        assertEquals(0, coalescer.size());
    }

    @Test
    void blockingAndAsyncCallersOfOneKeyJoinEachOther() throws Exception {
        Coalescer<String, String> coalescer = Coalescer.create();
        HeldLeader blocking = new HeldLeader(coalescer, "k", "shared");
        CompletableFuture<String> async = coalescer.callAsync("k", () -> CompletableFuture.completedFuture("not run"));
        blocking.release();
        assertEquals("shared", async.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        assertEquals("shared", blocking.result.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        assertEquals(1, coalescer.stats().executions());
    }

    @Test
    void refusesBadSettingsAndNullKeys() {
        assertThrows(IllegalArgumentException.class, () -> Coalescer.builder().ttl(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Coalescer.builder().waitTimeout(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> Coalescer.create().call(null, () -> "x"));
    }
}
