package dev.holdline.tck.coalesce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Capability;
import dev.holdline.tck.api.RequiresCapability;
import dev.holdline.tck.api.Timing;
import dev.holdline.tck.coalesce.app.FailureMapper;
import dev.holdline.tck.coalesce.app.QuoteApplication;
import dev.holdline.tck.coalesce.app.QuoteResource;
import dev.holdline.tck.coalesce.app.Quotes;
import dev.holdline.tck.coalesce.app.StatsServlet;
import dev.holdline.tck.harness.Deployments;
import dev.holdline.tck.harness.HttpClients;
import dev.holdline.tck.harness.Libraries;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
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

    /** How long the upstream takes: long enough for every concurrent caller to arrive while it runs. */
    private static final Duration UPSTREAM_DELAY = Timing.scaled(Duration.ofSeconds(3));
    private static final Duration SLACK = Timing.scaled(Duration.ofSeconds(1));
    private static final Duration ANSWER_LIMIT = UPSTREAM_DELAY.plus(Timing.scaled(Duration.ofSeconds(30)));
    private static final AtomicInteger SYMBOLS = new AtomicInteger();
    /**
     * Concurrent callers of a blocking resource. Each holds a request thread while it waits, and a
     * caller that finds no free thread arrives after the execution and starts another: Payara's
     * {@code http-thread-pool} has 5 threads by default.
     */
    private static final int BLOCKING_CALLERS = 4;

    private static final WireMockServer UPSTREAM = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        UPSTREAM.start();
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.stop();
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("co-bean")
                .addAsLibraries(Libraries.of("holdline-coalesce", "dev.holdline.coalesce.Coalescer"),
                        Libraries.of("holdline-http", "dev.holdline.http.Problem"))
                .addClasses(Quotes.class, QuoteResource.class, QuoteApplication.class, FailureMapper.class, StatsServlet.class)
                .setWebXML(new StringAsset("""
                        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                          <context-param>
                            <param-name>%s</param-name>
                            <param-value>http://127.0.0.1:%d/</param-value>
                          </context-param>
                        </web-app>
                        """.formatted(QuoteResource.UPSTREAM, UPSTREAM.port())));
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClients.http11();

    /** A symbol of its own whose upstream answers {@code status} after {@link #UPSTREAM_DELAY}. */
    private static String symbol(String hint, int status) {
        String symbol = hint + "-" + SYMBOLS.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        UPSTREAM.stubFor(get(urlEqualTo("/quotes/" + symbol))
                .willReturn(aResponse().withStatus(status).withBody("quote of " + symbol)
                        .withFixedDelay((int) UPSTREAM_DELAY.toMillis())));
        return symbol;
    }

    private static int upstreamCalls(String symbol) {
        return UPSTREAM.countRequestsMatching(getRequestedFor(urlEqualTo("/quotes/" + symbol)).build()).getCount();
    }

    private CompletableFuture<HttpResponse<String>> call(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(ANSWER_LIMIT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code count} requests at once; waits until the upstream saw the first before sending the rest. */
    private List<HttpResponse<String>> concurrently(int count, String path, String symbol) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        calls.add(call(path));
        await("the first call reaches the upstream").atMost(ANSWER_LIMIT).until(() -> upstreamCalls(symbol) == 1);
        for (int i = 1; i < count; i++) {
            calls.add(call(path));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            answers.add(call.get(ANSWER_LIMIT.toMillis(), TimeUnit.MILLISECONDS));
        }
        return answers;
    }

    private String stats(String method) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "co-app/stats?method=" + method))
                .timeout(ANSWER_LIMIT).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer::body);
        return answer.body();
    }

    @Test
    @Assertion("CO-1.1")
    void concurrentEqualCallsRunOnceAndShareTheResult() throws Exception {
        String symbol = symbol("one", 200);
        List<HttpResponse<String>> answers = concurrently(BLOCKING_CALLERS, "api/quotes/" + symbol, symbol);
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
        List<HttpResponse<String>> answers = concurrently(200, "api/quotes/" + symbol + "/async", symbol);
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
        for (String symbol : symbols) {
            for (int i = 0; i < 4; i++) {
                calls.add(call("api/quotes/" + symbol + "/async"));
            }
        }
        long start = System.nanoTime();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertEquals(200, call.get(ANSWER_LIMIT.toMillis(), TimeUnit.MILLISECONDS).statusCode());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        for (String symbol : symbols) {
            assertEquals(1, upstreamCalls(symbol), symbol);
        }
        assertTrue(took.compareTo(UPSTREAM_DELAY.multipliedBy(2)) < 0, "the three keys ran at the same time: " + took);
    }

    @Test
    @Assertion("CO-1.3")
    void everyCallerSeesTheOneFailureAndTheNextCallRetries() throws Exception {
        String symbol = symbol("fail", 500);
        List<HttpResponse<String>> answers = concurrently(BLOCKING_CALLERS, "api/quotes/" + symbol, symbol);
        Set<String> failures = new HashSet<>();
        for (HttpResponse<String> answer : answers) {
            assertEquals(502, answer.statusCode(), answer::body);
            failures.add(answer.body());
        }
        assertEquals(1, failures.size(), "one exception object for every caller: " + failures);
        assertTrue(failures.iterator().next().startsWith("java.io.IOException "), failures.toString());
        assertEquals(1, upstreamCalls(symbol));

        assertEquals(502, call("api/quotes/" + symbol).get(ANSWER_LIMIT.toMillis(), TimeUnit.MILLISECONDS).statusCode());
        assertEquals(2, upstreamCalls(symbol), "a failure is not kept: the next call asks the upstream again");
    }

    @Test
    @Assertion("CO-1.5")
    void aJoinedCallerStopsWaitingAfterItsTimeoutAndTheExecutionGoesOn() throws Exception {
        String symbol = symbol("slow", 200);
        CompletableFuture<HttpResponse<String>> leader = call("api/quotes/" + symbol + "/impatient");
        await("the leader reaches the upstream").atMost(ANSWER_LIMIT).until(() -> upstreamCalls(symbol) == 1);
        long start = System.nanoTime();
        HttpResponse<String> impatient = call("api/quotes/" + symbol + "/impatient").get(ANSWER_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(504, impatient.statusCode(), impatient::body);
        assertTrue(impatient.body().startsWith("dev.holdline.coalesce.CoalescedWaitTimeoutException "), impatient.body());
        assertTrue(waited.compareTo(Duration.ofMillis(500)) >= 0 && waited.compareTo(Duration.ofMillis(500).plus(SLACK)) <= 0,
                "gave up after its 500 ms waitTimeout, took " + waited);
        assertEquals(200, leader.get(ANSWER_LIMIT.toMillis(), TimeUnit.MILLISECONDS).statusCode(), "the execution went on");
        assertEquals(1, upstreamCalls(symbol));
    }

    @Test
    @Assertion("CO-1.6")
    void aKeptResultAnswersLaterCallsButAFailureIsNeverKept() throws Exception {
        String symbol = symbol("kept", 200);
        HttpResponse<String> first = call("api/quotes/" + symbol + "/kept").get(ANSWER_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(200, first.statusCode(), first::body);
        HttpResponse<String> second = call("api/quotes/" + symbol + "/kept").get(ANSWER_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(first.body(), second.body(), "answered from the completed result");
        assertEquals(1, upstreamCalls(symbol));

        String failing = symbol("kept-fail", 500);
        assertEquals(502, call("api/quotes/" + failing + "/kept").get(ANSWER_LIMIT.toMillis(), TimeUnit.MILLISECONDS).statusCode());
        assertEquals(502, call("api/quotes/" + failing + "/kept").get(ANSWER_LIMIT.toMillis(), TimeUnit.MILLISECONDS).statusCode());
        assertEquals(2, upstreamCalls(failing));
    }
}
