package dev.holdline.tck.coalesce;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Capability;
import dev.holdline.tck.api.RequiresCapability;
import dev.holdline.tck.api.Timing;
import dev.holdline.tck.coalesce.app.FailureMapper;
import dev.holdline.tck.coalesce.app.QuoteApplication;
import dev.holdline.tck.coalesce.app.QuoteResource;
import dev.holdline.tck.coalesce.app.Quotes;
import dev.holdline.tck.coalesce.app.StatsServlet;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CO-1: {@code @Coalesced} bean methods called from JAX-RS resources, with WireMock as the slow upstream
 * whose request counts show how many executions ran. Every test uses symbols of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@RequiresCapability({Capability.CDI, Capability.JAXRS})
class CoalescedBeanTest {

    private static final Duration SLACK = Timing.scaled(Duration.ofSeconds(1));
    private static final long LIMIT_MS = ConcurrentRequests.LIMIT.toMillis();
    /**
     * Concurrent callers of a blocking resource. Each holds a request thread while it waits, and a
     * caller that finds no free thread arrives after the execution and starts another: Payara's
     * {@code http-thread-pool} has 5 threads by default.
     */
    private static final int BLOCKING_CALLERS = 4;

    private static final SlowUpstream UPSTREAM = new SlowUpstream();

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CoalesceWars.war("co-bean", UPSTREAM, "")
                .addClasses(Quotes.class, QuoteResource.class, QuoteApplication.class, FailureMapper.class, StatsServlet.class);
    }

    @ArquillianResource
    URL base;

    /** A symbol of its own whose upstream answers {@code status} after the upstream's delay. */
    private static String symbol(String hint, int status) {
        String symbol = SlowUpstream.uniqueName(hint);
        UPSTREAM.stub("quotes/" + symbol, status, "quote of " + symbol, response -> response);
        return symbol;
    }

    private static int upstreamCalls(String symbol) {
        return UPSTREAM.calls("quotes/" + symbol);
    }

    private ConcurrentRequests requests() {
        return new ConcurrentRequests(base);
    }

    private String stats(String method) throws Exception {
        HttpResponse<String> answer = requests().get("co-app/stats?method=" + method);
        assertEquals(200, answer.statusCode(), answer::body);
        return answer.body();
    }

    @Test
    @Assertion("CO-1.1")
    void concurrentEqualCallsRunOnceAndShareTheResult() throws Exception {
        String symbol = symbol("one", 200);
        List<HttpResponse<String>> answers = requests().identical(BLOCKING_CALLERS, "api/quotes/" + symbol, () -> upstreamCalls(symbol));
        Set<String> bodies = new HashSet<>();
        for (HttpResponse<String> answer : answers) {
            assertEquals(200, answer.statusCode(), answer::body);
            bodies.add(answer.body());
        }
        assertEquals(1, bodies.size(), "one result for every caller: " + bodies);
        assertTrue(bodies.iterator().next().startsWith("quote of " + symbol + "@"), bodies.toString());
        assertEquals(1, upstreamCalls(symbol));
    }

    @Test
    @Assertion({"CO-1.4", "CO-1.7", "CO-1.8"})
    void twoHundredAsynchronousRequestsCauseOneUpstreamRequest() throws Exception {
        String symbol = symbol("burst", 200);
        List<HttpResponse<String>> answers = requests().identical(200, "api/quotes/" + symbol + "/async", () -> upstreamCalls(symbol));
        Set<String> bodies = new HashSet<>();
        answers.forEach(answer -> {
            assertEquals(200, answer.statusCode(), answer::body);
            bodies.add(answer.body());
        });
        assertEquals(1, bodies.size(), "every request got the one result, whatever its request id: " + bodies);
        // All 200 joined the one execution while it ran: on a container with fewer request threads than
        // that (Undertow's 16 workers, Payara's 5), only requests that hold no thread while they wait can.
        assertEquals(1, upstreamCalls(symbol));
        assertTrue(stats("quoteAsync").endsWith(" 0 0"), "no key in flight or held afterwards: " + stats("quoteAsync"));
    }

    @Test
    @Assertion("CO-1.2")
    void differentKeysRunOnceEach() throws Exception {
        List<String> symbols = List.of(symbol("a", 200), symbol("b", 200), symbol("c", 200));
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (String symbol : symbols) {
            for (int i = 0; i < 4; i++) {
                calls.add(requests().send("api/quotes/" + symbol + "/async", request -> request));
            }
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertEquals(200, call.get(LIMIT_MS, TimeUnit.MILLISECONDS).statusCode());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        for (String symbol : symbols) {
            assertEquals(1, upstreamCalls(symbol), symbol);
        }
        assertTrue(took.compareTo(SlowUpstream.DELAY.multipliedBy(2)) < 0, "the three keys ran at the same time: " + took);
    }

    @Test
    @Assertion("CO-1.3")
    void everyCallerSeesTheOneFailureAndTheNextCallRetries() throws Exception {
        String symbol = symbol("fail", 500);
        List<HttpResponse<String>> answers = requests().identical(BLOCKING_CALLERS, "api/quotes/" + symbol, () -> upstreamCalls(symbol));
        Set<String> failures = new HashSet<>();
        for (HttpResponse<String> answer : answers) {
            assertEquals(502, answer.statusCode(), answer::body);
            failures.add(answer.body());
        }
        assertEquals(1, failures.size(), "one exception object for every caller: " + failures);
        assertTrue(failures.iterator().next().startsWith("java.io.IOException "), failures.toString());
        assertEquals(1, upstreamCalls(symbol));

        assertEquals(502, requests().get("api/quotes/" + symbol).statusCode());
        assertEquals(2, upstreamCalls(symbol), "a failure is not kept: the next call asks the upstream again");
    }

    @Test
    @Assertion("CO-1.5")
    void aJoinedCallerStopsWaitingAfterItsTimeoutAndTheExecutionGoesOn() throws Exception {
        String symbol = symbol("slow", 200);
        CompletableFuture<HttpResponse<String>> leader = requests().send("api/quotes/" + symbol + "/impatient", request -> request);
        await("the leader reaches the upstream").atMost(ConcurrentRequests.LIMIT).until(() -> upstreamCalls(symbol) == 1);
        long start = System.nanoTime();
        HttpResponse<String> impatient = requests().get("api/quotes/" + symbol + "/impatient");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(504, impatient.statusCode(), impatient::body);
        assertTrue(impatient.body().startsWith("dev.holdline.coalesce.CoalescedWaitTimeoutException "), impatient.body());
        assertTrue(waited.compareTo(Duration.ofMillis(500)) >= 0 && waited.compareTo(Duration.ofMillis(500).plus(SLACK)) <= 0,
                "gave up after its 500 ms waitTimeout, took " + waited);
        assertEquals(200, leader.get(LIMIT_MS, TimeUnit.MILLISECONDS).statusCode(), "the execution went on");
        assertEquals(1, upstreamCalls(symbol));
    }

    @Test
    @Assertion("CO-1.6")
    void aKeptResultAnswersLaterCallsButAFailureIsNeverKept() throws Exception {
        String symbol = symbol("kept", 200);
        HttpResponse<String> first = requests().get("api/quotes/" + symbol + "/kept");
        assertEquals(200, first.statusCode(), first::body);
        HttpResponse<String> second = requests().get("api/quotes/" + symbol + "/kept");
        assertEquals(first.body(), second.body(), "answered from the completed result");
        assertEquals(1, upstreamCalls(symbol));

        String failing = symbol("kept-fail", 500);
        assertEquals(502, requests().get("api/quotes/" + failing + "/kept").statusCode());
        assertEquals(502, requests().get("api/quotes/" + failing + "/kept").statusCode());
        assertEquals(2, upstreamCalls(failing));
    }
}
