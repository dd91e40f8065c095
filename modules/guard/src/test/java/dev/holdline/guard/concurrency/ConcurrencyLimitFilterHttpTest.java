package dev.holdline.guard.concurrency;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link ConcurrencyLimitFilter} on a real Undertow: the limit, the queue, and a slot given back on every path. */
class ConcurrencyLimitFilterHttpTest {

    private static LimitApp app;

    @BeforeAll
    static void deploy() throws Exception {
        app = new LimitApp();
    }

    @AfterAll
    static void undeploy() throws Exception {
        app.close();
    }

    @AfterEach
    void noSlotLeaks() {
        for (String filter : List.of("limited", "queued", "impatient")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> app.stats(filter).inFlight() == 0 && app.stats(filter).queued() == 0);
        }
    }

    private CompletableFuture<HttpResponse<String>> get(String path) {
        return app.server.sendAsync(app.server.request(path).GET().build());
    }

    @Test
    void ofSixParkedRequestsExactlyTwoGetASlotAndFourAre503() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(get("limited/park?id=race" + i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.stream().filter(CompletableFuture::isDone).count() == 4);
        assertEquals(2, app.parked.keySet().stream().filter(id -> id.startsWith("race")).count());
        assertEquals(2, app.stats("limited").inFlight());
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            if (call.isDone()) {
                HttpResponse<String> refused = call.join();
                assertEquals(503, refused.statusCode());
                assertEquals(Optional.of("5"), refused.headers().firstValue("Retry-After"));
                assertEquals(Optional.of("application/problem+json"), refused.headers().firstValue("Content-Type"));
                assertTrue(refused.body().contains("/problems/concurrency-limit"), refused.body());
            }
        }
        for (String id : List.copyOf(app.parked.keySet())) {
            app.release(id);
        }
        long released = calls.stream().map(CompletableFuture::join).filter(answer -> answer.statusCode() == 200).count();
        assertEquals(2, released);
    }

    @Test
    void aThrowingServletGivesItsSlotBack() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertEquals(500, get("limited/throw").join().statusCode(), "a 500 of its own, never a 503: no slot leaked");
        }
        assertEquals(0, app.stats("limited").inFlight());
    }

    @Test
    void anAsyncTimeoutGivesTheSlotBack() throws Exception {
        get("limited/timeout").join();
        await().atMost(Duration.ofSeconds(10)).until(() -> app.stats("limited").inFlight() == 0);
        assertEquals(200, get("limited/fast").join().statusCode());
    }

    @Test
    void aClientThatGoesAwayGivesItsSlotBackWhenItsRequestEnds() throws Exception {
        URI base = app.server.baseUri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /limited/park?id=gone HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> app.parked.containsKey("gone"));
            assertEquals(1, app.stats("limited").inFlight(), "a parked request holds its slot");
        }
        try {
            app.release("gone");
        } catch (java.io.IOException clientGone) {
            // Expected on some runs: the connection is closed.
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> app.stats("limited").inFlight() == 0);
    }

    @Test
    void aQueuedRequestRunsWhenTheSlotFreesAndAFullQueueIs503() throws Exception {
        CompletableFuture<HttpResponse<String>> first = get("queued/park?id=q1");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.parked.containsKey("q1"));
        CompletableFuture<HttpResponse<String>> second = get("queued/park?id=q2");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.stats("queued").queued() == 1);
        assertFalse(app.parked.containsKey("q2"), "waits in line, not in the servlet");

        HttpResponse<String> third = get("queued/park?id=q3").join();
        assertEquals(503, third.statusCode(), "the one place in line is taken");

        app.release("q1");
        assertEquals(200, first.join().statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> app.parked.containsKey("q2"));
        app.release("q2");
        assertEquals("released q2", second.join().body());
    }

    @Test
    void aQueuedRequestIs503AfterMaxWait() throws Exception {
        CompletableFuture<HttpResponse<String>> first = get("impatient/park?id=i1");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.parked.containsKey("i1"));
        long start = System.nanoTime();
        HttpResponse<String> waited = get("impatient/fast").join();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(503, waited.statusCode());
        assertTrue(millis >= 300 && millis < 5000, "answered after its 300 ms in line: " + millis);
        assertEquals(1, app.stats("impatient").inFlight());
        app.release("i1");
        assertEquals(200, first.join().statusCode());
    }
}
