package dev.holdline.tck.guard.deadline;

import dev.holdline.tck.guard.GuardWars;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Timing;
import dev.holdline.tck.guard.deadline.app.Budgets;
import dev.holdline.tck.guard.deadline.app.DeadlineApplication;
import dev.holdline.tck.guard.deadline.app.DeadlineControlServlet;
import dev.holdline.tck.guard.deadline.app.DeadlineResource;
import dev.holdline.tck.guard.deadline.app.Held;
import dev.holdline.tck.guard.deadline.app.SlowServlet;
import dev.holdline.tck.harness.HttpClients;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * GD-4: the deadline filter (budget 1 s on {@code /dl/*}) in front of servlets that overrun it, and the
 * {@code @Deadline} binding on JAX-RS resource methods. The slow upstream of outbound calls is WireMock
 * in the test JVM, answering after 3 s (scaled). Late application code records what it saw; the test reads
 * it through a control servlet outside the filter.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeadlineTest {

    private static final Duration BUDGET = Duration.ofSeconds(1);
    private static final Duration SLACK = Duration.ofSeconds(1);
    private static final Duration LIMIT = Timing.scaled(Duration.ofSeconds(30));
    private static final Duration UPSTREAM_DELAY = Timing.scaled(Duration.ofSeconds(3));

    private static final WireMockServer UPSTREAM = startUpstream();

    private static WireMockServer startUpstream() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(WireMock.get(urlEqualTo("/slow"))
                .willReturn(aResponse().withStatus(200).withBody("upstream answer").withFixedDelay((int) UPSTREAM_DELAY.toMillis())));
        return server;
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.stop();
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        String webXml = """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param>
                    <param-name>tck.upstream</param-name>
                    <param-value>http://127.0.0.1:%d/</param-value>
                  </context-param>
                  <filter>
                    <filter-name>deadline</filter-name>
                    <filter-class>dev.holdline.guard.deadline.DeadlineFilter</filter-class>
                    <async-supported>true</async-supported>
                    <init-param><param-name>holdline.guard.deadline.budget</param-name><param-value>1s</param-value></init-param>
                  </filter>
                  <filter-mapping>
                    <filter-name>deadline</filter-name>
                    <url-pattern>/dl/*</url-pattern>
                    <dispatcher>REQUEST</dispatcher>
                    <dispatcher>ASYNC</dispatcher>
                  </filter-mapping>
                </web-app>
                """.formatted(UPSTREAM.port());
        return GuardWars.war("gd-deadline")
                .setWebXML(new StringAsset(webXml))
                .addClasses(Held.class, SlowServlet.class, DeadlineControlServlet.class, Budgets.class, DeadlineResource.class,
                        DeadlineApplication.class);
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClients.http11();

    private HttpResponse<String> get(String path) throws Exception {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).timeout(LIMIT).GET().build(),
                HttpResponse.BodyHandlers.ofString()).get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** GETs {@code path}; the answer and how long it took. */
    private Timed timed(String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = get(path);
        return new Timed(answer, Duration.ofNanos(System.nanoTime() - start));
    }

    private record Timed(HttpResponse<String> answer, Duration took) {
    }

    private Optional<String> outcome(String id) throws Exception {
        HttpResponse<String> answer = get("dl-control/outcome?id=" + id);
        return answer.statusCode() == 404 ? Optional.empty() : Optional.of(answer.body());
    }

    private String awaitOutcome(String id) {
        return await("what the late code saw").atMost(LIMIT).until(() -> outcome(id), Optional::isPresent).orElseThrow();
    }

    private static void assertDeadlineExceeded(Timed timed, Duration budget) {
        HttpResponse<String> answer = timed.answer();
        assertEquals(503, answer.statusCode(), answer::body);
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                answer.headers().toString());
        assertTrue(answer.body().contains("/problems/deadline-exceeded\""), answer.body());
        assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "Retry-After");
        assertFalse(answer.body().contains("late"), "no late output: " + answer.body());
        Timing.assertBetween("the answer at the deadline", timed.took(), budget, budget.plus(SLACK));
    }

    @Test
    @Assertion("GD-4.1")
    void aSlowServletIsAnswered503AtTheDeadlineWhileItStillRuns() throws Exception {
        Timed timed = timed("dl/slow?id=sync-1");
        assertDeadlineExceeded(timed, BUDGET);
        assertTrue(timed.answer().headers().firstValue("X-Late").isEmpty());
        assertEquals(Optional.empty(), outcome("sync-1"), "the servlet is still running");
        get("dl-control/release?id=sync-1");
        assertEquals("wrote; committed=true", awaitOutcome("sync-1"), "its late output was discarded without an error");
        assertEquals("ok", get("dl/fast").body());
    }

    @Test
    @Assertion("GD-4.2")
    void aSlowAsyncRequestIsAnswered503AndItsLateCompletionIsHarmless() throws Exception {
        assertDeadlineExceeded(timed("dl/async?id=async-1"), BUDGET);
        get("dl-control/complete-late?id=async-1");
        assertEquals("completed late without error", awaitOutcome("async-1"));
        assertEquals("ok", get("dl/fast").body());
    }

    @Test
    @Assertion("GD-4.3")
    void aResponseCommittedBeforeTheDeadlineIsCutOffThere() throws Exception {
        Timed timed = timed("dl/committed?id=committed-1");
        assertEquals(200, timed.answer().statusCode());
        assertEquals("partial", timed.answer().body());
        Timing.assertBetween("the end of the committed response", timed.took(), BUDGET, BUDGET.plus(SLACK));
        assertEquals("wrote the rest", awaitOutcome("committed-1"), "its late writes were discarded without an error");
    }

    @Test
    @Assertion("GD-4.4")
    void aRequestAnsweredInTimeIsUntouched() throws Exception {
        HttpResponse<String> answer = get("dl/fast");
        assertEquals(200, answer.statusCode());
        assertEquals("ok", answer.body());
    }

    @Test
    @Assertion("GD-4.5")
    void theBudgetLeftIsCurrentForTheApplicationAndNestedDeadlinesTakeTheShorter() throws Exception {
        String[] filtered = get("dl/remaining").body().split(" ");
        for (String left : filtered) {
            long millis = Long.parseLong(left);
            assertTrue(millis > 0 && millis <= BUDGET.toMillis(), "time left within the filter's 1 s: " + left);
        }
        HttpResponse<String> answer = get("api/deadline/remaining");
        assertEquals(200, answer.statusCode(), answer::body);
        String[] bound = answer.body().split(" ");
        long outer = Long.parseLong(bound[0]);
        long inner = Long.parseLong(bound[1]);
        assertTrue(outer > 200 && outer <= 5000, "the resource's 5 s: " + outer);
        assertTrue(inner > 0 && inner <= 200, "the nested 200 ms, shorter: " + inner);
    }

    @Test
    @Assertion("GD-4.6")
    void anOutboundCallSpendsTheRemainingBudgetAndTimesOutWithinIt() throws Exception {
        assertDeadlineExceeded(timed("dl/outbound?id=out-1"), BUDGET);
        String outcome = awaitOutcome("out-1");
        assertTrue(outcome.startsWith("deadline after "), outcome);
        Duration outbound = Duration.ofMillis(Long.parseLong(outcome.replaceAll("\\D", "")));
        Timing.assertBetween("the outbound call", outbound, Duration.ZERO, BUDGET.plus(SLACK));

        assertDeadlineExceeded(timed("api/deadline/outbound"), BUDGET);
        assertTrue(UPSTREAM.countRequestsMatching(WireMock.getRequestedFor(urlEqualTo("/slow")).build()).getCount() >= 2,
                "both calls reached the upstream");
    }

    @Test
    @Assertion("GD-4.7")
    void aStageStillPendingAtTheDeadlineIsAnswered503() throws Exception {
        assertDeadlineExceeded(timed("api/deadline/pending"), Duration.ofMillis(500));
    }

    @Test
    @Assertion("GD-4.8")
    void aLateSynchronousResultIsDiscardedFor503() throws Exception {
        Timed timed = timed("api/deadline/late");
        assertEquals(503, timed.answer().statusCode(), timed.answer()::body);
        assertTrue(timed.answer().body().contains("/problems/deadline-exceeded\""), timed.answer().body());
        assertFalse(timed.answer().body().contains("late result"));
        Timing.assertBetween("the late answer", timed.took(), Duration.ofMillis(300), Duration.ofSeconds(1).plus(SLACK));
    }
}
