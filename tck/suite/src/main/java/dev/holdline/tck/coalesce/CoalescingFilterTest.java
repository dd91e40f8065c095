package dev.holdline.tck.coalesce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.coalesce.app.PageServlet;
import dev.holdline.tck.harness.Deployments;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CO-2: the coalescing filter in front of a servlet that reads a slow WireMock upstream. Three filter
 * instances: {@code /co-app/pages/*} with the defaults, {@code /co-app/impatient/*} with a 1 s wait
 * timeout, {@code /co-app/private/*} keyed by credential. Every test uses pages of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CoalescingFilterTest {

    private static final long LIMIT_MS = ConcurrentRequests.LIMIT.toMillis();
    /** Requests that each run the chain hold a request thread for the upstream's delay: Payara's pool has 5. */
    private static final int SMALL_GROUP = 4;

    private static final SlowUpstream UPSTREAM = new SlowUpstream();
    private static final String FILTER = "dev.holdline.coalesce.servlet.CoalescingFilter";

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        String filters = Deployments.filter("coalesce", FILTER, "/co-app/pages/*")
                + Deployments.filter("coalesce-impatient", FILTER, "/co-app/impatient/*", "holdline.coalesce.filter.wait-timeout", "1s")
                + Deployments.filter("coalesce-private", FILTER, "/co-app/private/*", "holdline.coalesce.filter.key-by-credential", "true");
        return CoalesceWars.war("co-filter", UPSTREAM, filters).addClasses(PageServlet.class);
    }

    @ArquillianResource
    URL base;

    private ConcurrentRequests requests() {
        return new ConcurrentRequests(base);
    }

    /** A page of its own, stubbed upstream with {@code status} and the given headers (name, value pairs). */
    private static String page(String hint, int status, String... headers) {
        String page = SlowUpstream.uniqueName(hint);
        UPSTREAM.stub("pages/" + page, status, "page " + page, response -> {
            for (int i = 0; i < headers.length; i += 2) {
                response.withHeader(headers[i], headers[i + 1]);
            }
            return response;
        });
        return page;
    }

    private static Set<String> executions(List<HttpResponse<String>> answers) {
        Set<String> executions = new HashSet<>();
        answers.forEach(answer -> executions.add(answer.headers().firstValue("X-Execution").orElse("none")));
        return executions;
    }

    @Test
    @Assertion("CO-2.1")
    void identicalRequestsRunTheChainOnceAndAllGetItsResponse() throws Exception {
        String page = page("burst", 200, "X-Upstream", "one", "X-Upstream", "two", "ETag", "\"b1\"");
        List<HttpResponse<String>> answers = requests().identical(200, "co-app/pages/" + page, () -> UPSTREAM.calls("pages/" + page));
        for (HttpResponse<String> answer : answers) {
            assertEquals(200, answer.statusCode(), answer::body);
            assertEquals("page " + page, answer.body());
            assertEquals(List.of("one", "two"), answer.headers().allValues("X-Upstream"), "every header, every value");
            assertEquals("\"b1\"", answer.headers().firstValue("ETag").orElse(null));
        }
        assertEquals(1, executions(answers).size(), "one run of the servlet for all 200: " + executions(answers));
        assertEquals(1, UPSTREAM.calls("pages/" + page));
    }

    @Test
    @Assertion("CO-2.2")
    void requestsThatDifferInQueryOrNegotiationRunSeparately() throws Exception {
        // At most 4 executions at once, each holding a request thread: Payara's pool has 5. The request
        // identical to the first goes second, so that it is parked before the others take the threads.
        String page = page("negotiate", 200);
        List<HttpResponse<String>> answers = requests().whileTheFirstRuns(() -> UPSTREAM.calls("pages/" + page),
                Collections.nCopies(5, "co-app/pages/" + page), List.of(
                        request -> request,
                        request -> request,                                            // identical to the first: joins it
                        request -> request.header("Accept", "application/json"),
                        request -> request.header("Accept-Language", "fr"),
                        request -> request.header("Accept-Encoding", "identity")));
        answers.forEach(answer -> assertEquals(200, answer.statusCode(), answer::body));
        assertEquals(4, UPSTREAM.calls("pages/" + page), "one run per distinct Accept, Accept-Language, Accept-Encoding");
        assertEquals(answers.get(0).headers().firstValue("X-Execution"), answers.get(1).headers().firstValue("X-Execution"));

        String query = page("query", 200);
        String other = query + "?v=2";
        UPSTREAM.stub("pages/" + other, 200, "other", response -> response);
        List<HttpResponse<String>> queried = requests().whileTheFirstRuns(() -> UPSTREAM.calls("pages/" + query),
                List.of("co-app/pages/" + query, "co-app/pages/" + other), List.of(request -> request, request -> request));
        queried.forEach(answer -> assertEquals(200, answer.statusCode(), answer::body));
        assertEquals(1, UPSTREAM.calls("pages/" + query));
        assertEquals(1, UPSTREAM.calls("pages/" + other), "another query string runs separately");
        assertEquals(2, executions(queried).size());
    }

    @Test
    @Assertion("CO-2.3")
    void aResponseWithSetCookieIsNeverReplayed() throws Exception {
        String page = page("cookie", 200, "Set-Cookie", "session=abc; Path=/; HttpOnly");
        List<HttpResponse<String>> answers = requests().identical(SMALL_GROUP, "co-app/pages/" + page, () -> UPSTREAM.calls("pages/" + page));
        answers.forEach(answer -> {
            assertEquals(200, answer.statusCode(), answer::body);
            assertTrue(answer.headers().firstValue("Set-Cookie").isPresent(), "each gets the cookie of its own run");
        });
        assertEquals(SMALL_GROUP, executions(answers).size(), "every request ran the servlet: " + executions(answers));
        assertEquals(SMALL_GROUP, UPSTREAM.calls("pages/" + page));
    }

    @Test
    @Assertion("CO-2.4")
    void privateUnstoredAndFailedResponsesAreNeverReplayed() throws Exception {
        List<String> pages = List.of(page("private", 200, "Cache-Control", "private, max-age=60"),
                page("nostore", 200, "Cache-Control", "no-store"), page("error", 500));
        for (String page : pages) {
            List<HttpResponse<String>> answers = requests().identical(SMALL_GROUP, "co-app/pages/" + page, () -> UPSTREAM.calls("pages/" + page));
            assertEquals(SMALL_GROUP, executions(answers).size(), page + ": every request ran the servlet");
            assertEquals(SMALL_GROUP, UPSTREAM.calls("pages/" + page), page);
        }
    }

    @Test
    @Assertion("CO-2.5")
    void credentialsAreNeverShared() throws Exception {
        String page = page("auth", 200);
        List<HttpResponse<String>> bypassed = requests().whileTheFirstRuns(() -> UPSTREAM.calls("pages/" + page),
                Collections.nCopies(SMALL_GROUP, "co-app/pages/" + page),
                Collections.nCopies(SMALL_GROUP, request -> request.header("Authorization", "Bearer same")));
        assertEquals(SMALL_GROUP, executions(bypassed).size(), "requests with Authorization run the chain themselves");

        String keyed = page("keyed", 200);
        List<UnaryOperator<HttpRequest.Builder>> credentials = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String credential = i % 2 == 0 ? "Bearer alice" : "Bearer bob";
            credentials.add(request -> request.header("Authorization", credential));
        }
        List<HttpResponse<String>> answers = requests().whileTheFirstRuns(() -> UPSTREAM.calls("pages/" + keyed),
                Collections.nCopies(6, "co-app/private/" + keyed), credentials);
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> answer = answers.get(i);
            assertEquals(200, answer.statusCode(), answer::body);
            assertEquals("page " + keyed + " for " + (i % 2 == 0 ? "Bearer alice" : "Bearer bob"), answer.body(),
                    "a response never reaches another credential");
        }
        assertEquals(2, UPSTREAM.calls("pages/" + keyed), "one run per credential");
    }

    @Test
    @Assertion("CO-2.6")
    void ifNoneMatchIsEvaluatedForEachRequest() throws Exception {
        String page = page("etag", 200, "ETag", "\"v1\"", "Cache-Control", "max-age=5");
        List<HttpResponse<String>> answers = requests().whileTheFirstRuns(() -> UPSTREAM.calls("pages/" + page),
                Collections.nCopies(4, "co-app/pages/" + page), List.of(
                        request -> request,
                        request -> request.header("If-None-Match", "\"v1\""),
                        request -> request.header("If-None-Match", "\"v0\""),
                        request -> request.header("If-None-Match", "W/\"v1\", \"v9\"")));
        assertEquals(200, answers.get(0).statusCode());
        assertEquals(304, answers.get(1).statusCode());
        assertEquals("", answers.get(1).body());
        assertEquals("\"v1\"", answers.get(1).headers().firstValue("ETag").orElse(null));
        assertEquals(200, answers.get(2).statusCode());
        assertEquals("page " + page, answers.get(2).body());
        assertEquals(304, answers.get(3).statusCode(), "weak comparison, any tag of the list");
        assertEquals(1, UPSTREAM.calls("pages/" + page));
    }

    @Test
    @Assertion("CO-2.7")
    void aWaiterRunsItselfAfterTheWaitTimeoutAndAThrowingLeaderStrandsNobody() throws Exception {
        String slow = page("impatient", 200);
        List<HttpResponse<String>> answers = requests().identical(2, "co-app/impatient/" + slow, () -> UPSTREAM.calls("pages/" + slow));
        answers.forEach(answer -> assertEquals(200, answer.statusCode(), answer::body));
        assertEquals(2, executions(answers).size(), "the follower ran the servlet itself after 1 s");
        assertEquals(2, UPSTREAM.calls("pages/" + slow));

        String boom = page("boom", 200);
        String thrower = boom + "?throw=1";
        UPSTREAM.stub("pages/" + thrower, 200, "never shown", response -> response);
        List<HttpResponse<String>> thrown = requests().identical(3, "co-app/pages/" + thrower, () -> UPSTREAM.calls("pages/" + thrower));
        thrown.forEach(answer -> assertEquals(500, answer.statusCode(), "every request answered, by its own run"));
        assertEquals(3, UPSTREAM.calls("pages/" + thrower));
    }

    @Test
    @Assertion("CO-2.8")
    void postPassesThrough() throws Exception {
        String page = page("post", 200);
        List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posts.add(requests().send("co-app/pages/" + page, request -> request.POST(HttpRequest.BodyPublishers.noBody())));
        }
        for (CompletableFuture<HttpResponse<String>> post : posts) {
            assertEquals(200, post.get(LIMIT_MS, TimeUnit.MILLISECONDS).statusCode());
        }
        assertEquals(3, UPSTREAM.calls("pages/" + page));
    }
}
