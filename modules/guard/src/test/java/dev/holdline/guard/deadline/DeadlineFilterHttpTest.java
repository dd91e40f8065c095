package dev.holdline.guard.deadline;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.AsyncContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link DeadlineFilter} on a real Undertow, budget 300 ms. */
class DeadlineFilterHttpTest {

    private static final Duration BUDGET = Duration.ofMillis(300);
    private static final Duration SLACK = Duration.ofSeconds(1);
    private static DeadlineApp app;

    @BeforeAll
    static void deploy() throws Exception {
        app = new DeadlineApp();
    }

    @AfterAll
    static void undeploy() throws Exception {
        app.close();
    }

    @BeforeEach
    void closeGate() {
        app.gate = new CountDownLatch(1);
    }

    private static void assertDeadlineAnswer(HttpResponse<String> answer, long millis) {
        assertEquals(503, answer.statusCode(), answer.body());
        assertEquals(Optional.of("application/problem+json"), answer.headers().firstValue("Content-Type"));
        assertTrue(answer.body().contains("/problems/deadline-exceeded"), answer.body());
        assertTrue(answer.headers().firstValue("Retry-After").isPresent());
        assertFalse(answer.body().contains("late"), answer.body());
        assertTrue(millis >= BUDGET.toMillis() && millis <= BUDGET.plus(SLACK).toMillis(), "answered at the deadline: " + millis + " ms");
    }

    private static long since(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    @Test
    void aFastRequestIsUntouched() throws Exception {
        HttpResponse<String> answer = app.server.get("dl/fast");
        assertEquals(200, answer.statusCode());
        assertEquals("ok", answer.body());
    }

    @Test
    void aSlowServletIsAnswered503AtTheDeadlineAndItsLateOutputIsDiscarded() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = app.server.get("dl/slow?id=s1");
        assertDeadlineAnswer(answer, since(start));
        assertFalse(app.late.containsKey("s1"), "the servlet was still running when the client got its answer");
        assertTrue(answer.headers().firstValue("X-Late").isEmpty());
        app.gate.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> app.late.containsKey("s1"));
        assertEquals("wrote; committed=true", app.late.get("s1"), "late writes are discarded without an error");
        assertEquals(200, app.server.get("dl/fast").statusCode(), "the connection and server are fine afterwards");
    }

    @Test
    void aSlowAsyncRequestIsAnswered503AndItsLateCompleteIsHarmless() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = app.server.get("dl/async?id=a1");
        assertDeadlineAnswer(answer, since(start));
        AsyncContext async = app.parked.remove("a1");
        async.getResponse().getWriter().write("late output");
        async.getResponse().flushBuffer();
        async.complete();
        assertEquals(200, app.server.get("dl/fast").statusCode());
    }

    @Test
    void aCommittedResponseIsCutOffAtTheDeadline() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = app.server.get("dl/committed?id=c1");
        long millis = since(start);
        assertEquals(200, answer.statusCode());
        assertEquals("partial", answer.body());
        assertTrue(millis <= BUDGET.plus(SLACK).toMillis(), "ended at the deadline: " + millis);
        app.gate.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> app.late.containsKey("c1"));
    }

    @Test
    void theBudgetIsCurrentInTheServletAndBoundsItsOutboundCalls() throws Exception {
        long remaining = Long.parseLong(app.server.get("dl/remaining").body());
        assertTrue(remaining > 0 && remaining <= BUDGET.toMillis(), "remaining " + remaining);

        long start = System.nanoTime();
        HttpResponse<String> answer = app.server.get("dl/outbound?id=o1");
        assertDeadlineAnswer(answer, since(start));
        await().atMost(Duration.ofSeconds(10)).until(() -> app.late.containsKey("o1"));
        String outcome = app.late.get("o1");
        assertTrue(outcome.startsWith("deadline after "), outcome);
        long outboundMillis = Long.parseLong(outcome.replaceAll("\\D", ""));
        assertTrue(outboundMillis <= BUDGET.plus(SLACK).toMillis(), "the outbound call timed out within the budget: " + outcome);
    }
}
