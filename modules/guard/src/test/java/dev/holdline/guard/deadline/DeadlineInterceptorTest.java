package dev.holdline.guard.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code @Deadline} binding on beans discovered by Weld. */
class DeadlineInterceptorTest {

    private static WeldContainer weld;
    private Budgeted bean;

    @BeforeAll
    static void boot() {
        weld = new Weld().initialize();
    }

    @AfterAll
    static void shutdown() {
        weld.shutdown();
    }

    @BeforeEach
    void lookUp() {
        bean = weld.select(Budgeted.class).get();
    }

    @Test
    void theBudgetIsCurrentWhileTheMethodRunsAndGoneAfter() {
        Duration left = bean.remaining();
        assertTrue(left.compareTo(Duration.ZERO) > 0 && left.compareTo(Duration.ofMillis(300)) <= 0, left.toString());
        assertTrue(Deadline.current().isEmpty(), "restored after the call");
    }

    @Test
    void nestedDeadlinesTakeTheShorterAndNeverExtendTheOuter() {
        Duration inner = bean.nestedRemaining(bean);
        assertTrue(inner.compareTo(Duration.ofMillis(300)) <= 0, "the inner 300 ms is shorter than the outer 10 s: " + inner);
        try (Deadline.Scope outer = Deadline.after(Duration.ofMillis(50)).enter()) {
            Duration withinShortOuter = bean.remaining();
            assertTrue(withinShortOuter.compareTo(Duration.ofMillis(50)) <= 0, "the outer 50 ms is shorter: " + withinShortOuter);
        }
    }

    @Test
    void anExhaustedOuterDeadlineRefusesTheCallWithoutRunningIt() {
        int before = bean.calls();
        try (Deadline.Scope outer = Deadline.after(Duration.ZERO).enter()) {
            DeadlineExceededException refused = assertThrows(DeadlineExceededException.class, bean::remaining);
            assertEquals(503, refused.status());
            assertEquals("deadline-exceeded", refused.problemName());
        }
        assertEquals(before, bean.calls());
    }

    @Test
    void aLateSynchronousResultIsDiscarded() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicReference<Deadline> seen = new AtomicReference<>();
        CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
            try {
                return bean.late(gate, seen);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> seen.get() != null && seen.get().expired());
        gate.countDown();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof DeadlineExceededException, failed.toString());
        assertEquals("late result", bean.late(new CountDownLatch(0), new AtomicReference<>()), "in time, the result comes through");
    }

    @Test
    void aStageFailsAtTheDeadlineWhateverItsMethodDoesLater() throws Exception {
        CompletableFuture<String> never = new CompletableFuture<>();
        long start = System.nanoTime();
        CompletableFuture<String> bounded = bean.staged(never);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> bounded.get(10, TimeUnit.SECONDS));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(failed.getCause() instanceof DeadlineExceededException, failed.toString());
        assertTrue(tookMillis >= 190 && tookMillis < 2000, "failed at its 200 ms deadline: " + tookMillis);
        never.complete("too late");
        assertTrue(bounded.isCompletedExceptionally(), "the late value is discarded");

        assertEquals("in time", bean.staged(CompletableFuture.completedFuture("in time")).get(10, TimeUnit.SECONDS));
    }

    @Test
    void outboundCallsSeeTheRemainingBudget() {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:1/x"))
                .timeout(Duration.ofMinutes(5)).build();
        java.net.http.HttpRequest[] bounded = new java.net.http.HttpRequest[1];
        bean.callWithin(() -> bounded[0] = DeadlineHttp.withDeadline(request));
        Duration timeout = bounded[0].timeout().orElseThrow();
        assertTrue(timeout.compareTo(Duration.ofMillis(300)) <= 0, "cut to the 300 ms budget: " + timeout);
        assertEquals(request, DeadlineHttp.withDeadline(request), "no deadline: unchanged");
        try (Deadline.Scope spent = Deadline.after(Duration.ZERO).enter()) {
            assertThrows(DeadlineExceededException.class, () -> DeadlineHttp.withDeadline(request), "no call once spent");
        }
    }
}
