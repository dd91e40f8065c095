package dev.holdline.guard.concurrency;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ConcurrencyLimit} on beans discovered by Weld, as in a WAR. */
class ConcurrencyLimitInterceptorTest {

    private static WeldContainer weld;
    private static final ExecutorService CALLERS = Executors.newCachedThreadPool();

    private Workers workers;
    private ConcurrencyLimits limits;

    @BeforeAll
    static void boot() {
        weld = new Weld().initialize();
    }

    @AfterAll
    static void shutdown() {
        CALLERS.shutdownNow();
        weld.shutdown();
    }

    @BeforeEach
    void lookUp() {
        workers = weld.select(Workers.class).get();
        limits = weld.select(ConcurrencyLimits.class).get();
    }

    private ConcurrencyLimitStats stats(String method) throws NoSuchMethodException {
        Method declared = method.equals("failing") ? Workers.class.getMethod(method)
                : method.equals("staged") ? Workers.class.getMethod(method, CompletableFuture.class)
                : Workers.class.getMethod(method, CountDownLatch.class);
        return limits.stats(declared);
    }

    @Test
    void callsBeyondTheLimitAreRefusedWithA503Answer() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Future<String> first = CALLERS.submit(() -> workers.twoAtOnce(gate));
        Future<String> second = CALLERS.submit(() -> workers.twoAtOnce(gate));
        await().atMost(Duration.ofSeconds(10)).until(() -> stats("twoAtOnce") != null && stats("twoAtOnce").inFlight() == 2);

        ConcurrencyLimitExceededException refused = assertThrows(ConcurrencyLimitExceededException.class, () -> workers.twoAtOnce(gate));
        assertEquals(503, refused.status());
        assertEquals("concurrency-limit", refused.problemName());
        assertEquals(Optional.of(Duration.ofSeconds(3)), refused.retryAfter());
        assertEquals(1, stats("twoAtOnce").rejected());

        gate.countDown();
        assertEquals("done", first.get(10, TimeUnit.SECONDS));
        assertEquals("done", second.get(10, TimeUnit.SECONDS));
        assertEquals(0, stats("twoAtOnce").inFlight());
        assertEquals("done", workers.twoAtOnce(gate), "slots are free again");
    }

    @Test
    void aQueuedCallerRunsWhenASlotFreesAndAFullQueueRefuses() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Future<String> running = CALLERS.submit(() -> workers.oneQueued(gate));
        await().atMost(Duration.ofSeconds(10)).until(() -> stats("oneQueued") != null && stats("oneQueued").inFlight() == 1);
        Future<String> queued = CALLERS.submit(() -> workers.oneQueued(gate));
        await().atMost(Duration.ofSeconds(10)).until(() -> stats("oneQueued").queued() == 1);

        assertThrows(ConcurrencyLimitExceededException.class, () -> workers.oneQueued(gate), "the one place in line is taken");
        assertFalse(queued.isDone());

        gate.countDown();
        assertEquals("done", running.get(10, TimeUnit.SECONDS));
        assertEquals("done", queued.get(10, TimeUnit.SECONDS));
        ConcurrencyLimitStats after = stats("oneQueued");
        assertEquals(0, after.inFlight());
        assertEquals(0, after.queued());
        assertEquals(2, after.admitted());
        assertEquals(1, after.rejected());
    }

    @Test
    void aQueuedCallerGivesUpAfterMaxWait() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Future<String> running = CALLERS.submit(() -> workers.impatient(gate));
        await().atMost(Duration.ofSeconds(10)).until(() -> stats("impatient") != null && stats("impatient").inFlight() == 1);
        long start = System.nanoTime();
        assertThrows(ConcurrencyLimitExceededException.class, () -> workers.impatient(gate));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waitedMillis >= 200 && waitedMillis < 5000, "waited its 200 ms in line: " + waitedMillis);
        assertEquals(0, stats("impatient").queued());
        gate.countDown();
        running.get(10, TimeUnit.SECONDS);
        assertEquals(0, stats("impatient").inFlight());
    }

    @Test
    void aThrowingCallGivesItsSlotBack() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThrows(IOException.class, () -> workers.failing(), "the method's own exception, every time: no slot leaked");
        }
        assertEquals(0, stats("failing").inFlight());
        assertEquals(0, stats("failing").rejected());
    }

    @Test
    void aStageHoldsItsSlotUntilItCompletes() throws Exception {
        CompletableFuture<String> result = new CompletableFuture<>();
        CompletableFuture<String> returned = workers.staged(result);
        assertEquals(1, stats("staged").inFlight(), "returned, but the stage is not complete");
        assertThrows(ConcurrencyLimitExceededException.class, () -> workers.staged(new CompletableFuture<>()));
        result.completeExceptionally(new IOException("late failure"));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> returned.get(10, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof IOException);
        assertEquals(0, stats("staged").inFlight());
    }

    @Test
    void aLimitOnTheBeanClassIsSharedByItsMethods() throws Exception {
        SharedWorkers shared = weld.select(SharedWorkers.class).get();
        CountDownLatch gate = new CountDownLatch(1);
        Future<String> first = CALLERS.submit(() -> shared.first(gate));
        await().atMost(Duration.ofSeconds(10)).until(() -> limits.stats(SharedWorkers.class) != null
                && limits.stats(SharedWorkers.class).inFlight() == 1);
        assertThrows(ConcurrencyLimitExceededException.class, shared::second);
        gate.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertEquals("second", shared.second());
    }
}
