package dev.holdline.tck.guard.concurrency;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Timing;
import dev.holdline.tck.guard.concurrency.app.ControlServlet;
import dev.holdline.tck.guard.concurrency.app.LimitApplication;
import dev.holdline.tck.guard.concurrency.app.LimitedResource;
import dev.holdline.tck.guard.concurrency.app.Parked;
import dev.holdline.tck.guard.concurrency.app.ParkingServlet;
import dev.holdline.tck.harness.HttpClients;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GD-3: the concurrency limit, as a binding on JAX-RS resource methods and as the filter twin in front of
 * an asynchronous servlet. Held requests are parked without a thread, so that a container's small
 * request pool (Payara's 5 threads) is never what limits them; the test releases them through a control
 * servlet. After every test, no slot is held: the counts show zero in flight.
 * Filters: {@code /limited/*} max 3, {@code Retry-After} 2; {@code /queued/*} max 1, one place in line,
 * 60 s wait; {@code /impatient/*} max 1, one place in line, 1 s wait.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrencyLimitTest {

    private static final Duration LIMIT = Timing.scaled(Duration.ofSeconds(30));

    @Deployment(testable = false)
    static WebArchive deployment() {
        String filters = LimitWars.filter("limited", "/limited/*", "holdline.guard.concurrency.max", "3",
                        "holdline.guard.concurrency.retry-after", "2")
                + LimitWars.filter("queued", "/queued/*", "holdline.guard.concurrency.max", "1",
                        "holdline.guard.concurrency.queue", "1", "holdline.guard.concurrency.max-wait", "60s")
                + LimitWars.filter("impatient", "/impatient/*", "holdline.guard.concurrency.max", "1",
                        "holdline.guard.concurrency.queue", "1", "holdline.guard.concurrency.max-wait", "1s");
        return LimitWars.war("gd-limit", filters)
                .addClasses(Parked.class, ParkingServlet.class, ControlServlet.class, LimitedResource.class, LimitApplication.class);
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClients.http11();

    private CompletableFuture<HttpResponse<String>> send(String path) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).timeout(LIMIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(path).get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private String control(String path) throws Exception {
        HttpResponse<String> answer = get("control/" + path);
        return answer.statusCode() == 404 ? "0 0 0 0" : answer.body();
    }

    private long held(String prefix) throws Exception {
        return Long.parseLong(control("held?prefix=" + prefix));
    }

    /** {@code [inFlight, queued, admitted, rejected]} of a filter ({@code filter=F}) or resource method ({@code method=M}). */
    private long[] stats(String which) throws Exception {
        String[] fields = control("stats?" + which).split(" ");
        long[] stats = new long[fields.length];
        for (int i = 0; i < fields.length; i++) {
            stats[i] = Long.parseLong(fields[i]);
        }
        return stats;
    }

    @AfterEach
    void noSlotIsLeftHeld() throws Exception {
        control("release?prefix=");
        for (String which : List.of("filter=limited", "filter=queued", "filter=impatient", "method=park", "method=fail")) {
            await(which + " back to nothing in flight").atMost(LIMIT).until(() -> {
                long[] stats = stats(which);
                return stats[0] == 0 && stats[1] == 0;
            });
        }
    }

    private static void assertRefused(HttpResponse<String> answer, String retryAfter) {
        assertEquals(503, answer.statusCode(), answer::body);
        assertEquals(Optional.of(retryAfter), answer.headers().firstValue("Retry-After"));
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                answer.headers().toString());
        assertTrue(answer.body().contains("/problems/concurrency-limit\""), answer.body());
        assertTrue(answer.body().contains("\"status\":503"), answer.body());
    }

    /** Sends {@code count} requests at once; waits until {@code refused} of them are answered; returns them all, in order. */
    private List<CompletableFuture<HttpResponse<String>>> burst(int count, int refused, String pathPrefix) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(send(pathPrefix + i));
        }
        await("the refused requests are answered").atMost(LIMIT)
                .until(() -> calls.stream().filter(CompletableFuture::isDone).count() == refused);
        return calls;
    }

    @Test
    @Assertion({"GD-3.1", "GD-3.2"})
    void aLimitedResourceMethodRunsAtMostMaxCallsAndHoldsTheSlotUntilItsStageCompletes() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = burst(6, 4, "api/limited/park/bean-");
        assertEquals(2, held("bean-"), "exactly max = 2 calls run");
        assertEquals(2, stats("method=park")[0]);
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            if (call.isDone()) {
                assertRefused(call.join(), "7");
            }
        }
        assertEquals(2, Integer.parseInt(control("release?prefix=bean-")));
        long succeeded = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> answer = call.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            if (answer.statusCode() == 200) {
                succeeded++;
                assertTrue(answer.body().startsWith("released bean-"), answer.body());
            }
        }
        assertEquals(2, succeeded);
        assertEquals(0, stats("method=park")[0], "the slots are free once the stages completed");
    }

    @Test
    @Assertion("GD-3.3")
    void aLimitedMethodThatThrowsGivesItsSlotBack() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(500, get("api/limited/fail").statusCode(), "its own failure each time, never 503: max is 1");
        }
        long[] stats = stats("method=fail");
        assertEquals(0, stats[0]);
        assertEquals(0, stats[3], "nothing refused");
    }

    @Test
    @Assertion({"GD-3.4", "GD-3.5"})
    void ofTenConcurrentRequestsExactlyMaxRunAndTheOthersAre503() throws Exception {
        long[] before = stats("filter=limited");
        List<CompletableFuture<HttpResponse<String>>> calls = burst(10, 7, "limited/park?id=race-");
        assertEquals(3, held("race-"), "exactly max = 3 requests reached the servlet");
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            if (call.isDone()) {
                assertRefused(call.join(), "2");
            }
        }
        assertEquals(3, stats("filter=limited")[0], "parked asynchronous requests hold their slots");
        control("release?prefix=race-");
        long succeeded = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            if (call.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS).statusCode() == 200) {
                succeeded++;
            }
        }
        assertEquals(3, succeeded);
        long[] after = stats("filter=limited");
        assertEquals(0, after[0], "completed asynchronous requests gave their slots back");
        assertEquals(3, after[2] - before[2]);
        assertEquals(7, after[3] - before[3]);
    }

    @Test
    @Assertion("GD-3.6")
    void aSlotIsGivenBackAfterAnExceptionAnAsyncTimeoutAndAClientThatWentAway() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(500, get("limited/throw").statusCode(), "its own failure each time, never 503: max is 3");
        }
        assertEquals(0, stats("filter=limited")[0]);

        get("limited/timeout");
        await("the timed-out request's slot").atMost(LIMIT).until(() -> stats("filter=limited")[0] == 0);

        URI uri = URI.create(base.toString());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri.getRawPath() + "limited/park?id=gone HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await("the request is parked").atMost(LIMIT).until(() -> held("gone") == 1);
            assertEquals(1, stats("filter=limited")[0]);
        }
        control("release?prefix=gone");
        await("the slot of the request whose client went away").atMost(LIMIT).until(() -> stats("filter=limited")[0] == 0);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("limited/fast").statusCode());
        }
    }

    @Test
    @Assertion("GD-3.7")
    void aQueuedRequestWaitsWithoutAThreadAndRunsWhenASlotFrees() throws Exception {
        CompletableFuture<HttpResponse<String>> first = send("queued/park?id=q-1");
        await().atMost(LIMIT).until(() -> held("q-1") == 1);
        CompletableFuture<HttpResponse<String>> second = send("queued/park?id=q-2");
        await("the second request waits in line").atMost(LIMIT).until(() -> stats("filter=queued")[1] == 1);
        assertEquals(0, held("q-2"), "it has not reached the servlet");

        assertRefused(get("queued/fast"), "1");

        control("release?prefix=q-1");
        assertEquals(200, first.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS).statusCode());
        await("the queued request runs").atMost(LIMIT).until(() -> held("q-2") == 1);
        control("release?prefix=q-2");
        HttpResponse<String> ran = second.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(200, ran.statusCode());
        assertEquals("released q-2", ran.body());
    }

    @Test
    @Assertion("GD-3.8")
    void aQueuedRequestIs503AfterMaxWait() throws Exception {
        CompletableFuture<HttpResponse<String>> first = send("impatient/park?id=imp-1");
        await().atMost(LIMIT).until(() -> held("imp-1") == 1);
        long start = System.nanoTime();
        HttpResponse<String> waited = get("impatient/fast");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertRefused(waited, "1");
        Timing.assertBetween("the wait in line", took, Duration.ofSeconds(1), Duration.ofSeconds(1).plus(Duration.ofSeconds(1)));
        control("release?prefix=imp-1");
        assertEquals(200, first.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS).statusCode());
    }
}
