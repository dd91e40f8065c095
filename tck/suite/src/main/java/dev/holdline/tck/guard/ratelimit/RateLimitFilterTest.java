package dev.holdline.tck.guard.ratelimit;

import static dev.holdline.tck.guard.ratelimit.RateLimitWars.rateLimit;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.harness.Deployments;
import dev.holdline.tck.api.Timing;
import dev.holdline.tck.guard.ratelimit.app.HeaderUserFilter;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GD-2 through {@code RateLimitFilter}: one filter per test under {@code /rl/<filter>/*}, each with
 * settings of its own, in front of a servlet that answers {@code ok}. Every request comes from the
 * test JVM over loopback, so the peer address is the same for all of them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RateLimitFilterTest {

    private static final int HOSTILE_KEYS = 10_000;
    /** The loopback peer, however {@code localhost} resolves. */
    private static final String LOOPBACK = "127.0.0.0/8, ::1";

    @Deployment(testable = false)
    static WebArchive deployment() {
        String filters = rateLimit("over", Map.of("limit", "3", "window", "1h", "policy", "tck-over"))
                + rateLimit("header", Map.of("limit", "1", "window", "1h", "key", "HEADER", "header", "X-Client-Key"))
                + Deployments.filter("user", HeaderUserFilter.class.getName(), "/rl/principal/*")
                + rateLimit("principal", Map.of("limit", "1", "window", "1h", "key", "PRINCIPAL"))
                + rateLimit("global", Map.of("limit", "2", "window", "1h", "key", "GLOBAL"))
                + rateLimit("refill", Map.of("limit", "1", "window", "2s"))
                + rateLimit("untrusted", Map.of("limit", "5", "window", "1h"))
                + rateLimit("trusted", Map.of("limit", "1", "window", "1h", "trusted-proxies", LOOPBACK, "max-keys", "100"))
                + rateLimit("forwarded", Map.of("limit", "1", "window", "1h", "trusted-proxies", LOOPBACK, "forwarded-header", "Forwarded"));
        return RateLimitWars.war("rl-filter", filters).addClass(HeaderUserFilter.class);
    }

    @ArquillianResource
    URL base;

    private RateLimitClient client() throws Exception {
        return new RateLimitClient(base);
    }

    private static String header(HttpResponse<?> answer, String name) {
        return answer.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " in " + answer.headers().map()));
    }

    @Test
    @Assertion({"GD-2.1", "GD-2.2"})
    void overTheLimitTheFilterAnswers429WithRetryAfterFieldsAndProblem() throws Exception {
        RateLimitClient client = client();
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> allowed = client.get("rl/over/page");
            assertEquals(200, allowed.statusCode(), allowed::body);
            assertEquals("\"tck-over\";q=3;w=3600", header(allowed, "RateLimit-Policy"));
            String field = header(allowed, "RateLimit");
            assertTrue(field.matches("\"tck-over\";r=" + remaining + ";t=\\d+"), field);
        }
        String runs = client.get("rl-runs").body();
        HttpResponse<String> refused = client.get("rl/over/page");
        assertEquals(429, refused.statusCode(), refused::body);
        assertEquals(runs, client.get("rl-runs").body(), "a refused request does not reach the application");
        long retryAfter = Long.parseLong(header(refused, "Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 1200, "a token per 20 minutes: Retry-After " + retryAfter);
        assertEquals("\"tck-over\";q=3;w=3600", header(refused, "RateLimit-Policy"));
        String field = header(refused, "RateLimit");
        assertTrue(field.matches("\"tck-over\";r=0;t=\\d+"), field);
        long reset = Long.parseLong(field.substring(field.lastIndexOf('=') + 1));
        assertTrue(reset >= retryAfter && reset <= 3600, "full again after the wait for one token, within the window: " + field);
        assertTrue(header(refused, "Content-Type").startsWith("application/problem+json"), header(refused, "Content-Type"));
        assertTrue(refused.body().contains("\"type\":\"https://holdline.dev/problems/rate-limited\""), refused.body());
        assertTrue(refused.body().contains("\"status\":429"), refused.body());
    }

    @Test
    @Assertion("GD-2.4")
    void eachKeyHasABucketOfItsOwn() throws Exception {
        RateLimitClient client = client();
        assertEquals(200, client.get("rl/header/x", "X-Client-Key", "one").statusCode());
        assertEquals(429, client.get("rl/header/x", "X-Client-Key", "one").statusCode());
        assertEquals(200, client.get("rl/header/x", "X-Client-Key", "two").statusCode(), "another header value");
        assertEquals(200, client.get("rl/header/x").statusCode(), "no header: counted by client address");
        assertEquals(429, client.get("rl/header/x").statusCode());

        assertEquals(200, client.get("rl/principal/x", "X-Test-User", "ann").statusCode());
        assertEquals(429, client.get("rl/principal/x", "X-Test-User", "ann").statusCode());
        assertEquals(200, client.get("rl/principal/x", "X-Test-User", "bob").statusCode(), "another user");
        assertEquals(200, client.get("rl/principal/x").statusCode(), "anonymous: counted by client address");
        assertEquals(429, client.get("rl/principal/x").statusCode());

        assertEquals(200, client.get("rl/global/a", "X-Client-Key", "one").statusCode());
        assertEquals(200, client.get("rl/global/b", "X-Test-User", "ann").statusCode());
        assertEquals(429, client.get("rl/global/c", "X-Client-Key", "three").statusCode(), "GLOBAL: one bucket for all");
    }

    @Test
    @Assertion("GD-2.5")
    void aTokenComesBackAfterTheWindowPerLimit() throws Exception {
        RateLimitClient client = client();
        long start = System.nanoTime();
        assertEquals(200, client.get("rl/refill/x").statusCode());
        HttpResponse<String> refused = client.get("rl/refill/x");
        assertEquals(429, refused.statusCode());
        long retryAfter = Long.parseLong(header(refused, "Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        await().atMost(Timing.scaled(Duration.ofSeconds(4))).pollInterval(Duration.ofMillis(100)).until(() -> {
            last.set(client.get("rl/refill/x"));
            return last.get().statusCode() != 429;
        });
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(200, last.get().statusCode(), last.get()::body);
        Timing.assertBetween("the token's return", took, Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    @Assertion("GD-2.6")
    void spoofedForwardingHeadersFromAnUntrustedPeerAllCountAgainstThePeer() throws Exception {
        RateLimitClient client = client();
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < HOSTILE_KEYS; i++) {
            String spoofed = "100.64." + (i / 250) + "." + (i % 250 + 1);
            requests.add(client.request("rl/untrusted/x", "X-Forwarded-For", spoofed, "Forwarded", "for=" + spoofed));
        }
        Map<Integer, Integer> statuses = client.statuses(requests);
        assertEquals(Map.of(200, 5, 429, HOSTILE_KEYS - 5), statuses, "only the peer's 5 tokens, whatever the headers say");
        long[] stats = client.stats("untrusted");
        assertEquals(1, stats[2], "one bucket: the peer's");
    }

    @Test
    @Assertion({"GD-2.7", "GD-2.8"})
    void behindATrustedProxyForwardedClientsHaveBucketsAndTheMapStaysBounded() throws Exception {
        RateLimitClient client = client();
        assertEquals(200, client.get("rl/trusted/x", "X-Forwarded-For", "198.51.100.7").statusCode());
        assertEquals(429, client.get("rl/trusted/x", "X-Forwarded-For", "198.51.100.7").statusCode(), "the forwarded client's bucket");
        assertEquals(429, client.get("rl/trusted/x", "X-Forwarded-For", "203.0.113.1, 198.51.100.7").statusCode(),
                "a hop left of the right-most untrusted one is the client's own claim, not believed");
        assertEquals(200, client.get("rl/trusted/x", "X-Forwarded-For", "203.0.113.1, 198.51.100.8").statusCode());
        assertEquals(200, client.get("rl/trusted/x", "X-Forwarded-For", "not, an address").statusCode(),
                "malformed: counted by the proxy itself");
        assertEquals(429, client.get("rl/trusted/x", "X-Forwarded-For", "neither, is this").statusCode());

        assertEquals(200, client.get("rl/forwarded/x", "Forwarded", "for=198.51.100.9").statusCode());
        assertEquals(429, client.get("rl/forwarded/x", "Forwarded", "for=203.0.113.1, for=\"198.51.100.9:4711\";proto=https").statusCode());
        assertEquals(200, client.get("rl/forwarded/x", "Forwarded", "for=\"[2001:db8::9]\"").statusCode());
        assertEquals(200, client.get("rl/forwarded/x", "X-Forwarded-For", "198.51.100.11").statusCode(),
                "only the configured header is read: the proxy's own bucket");
        assertEquals(429, client.get("rl/forwarded/x", "Forwarded", "for=unknown").statusCode(), "no address: the proxy's bucket");

        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < HOSTILE_KEYS; i++) {
            requests.add(client.request("rl/trusted/x", "X-Forwarded-For", "100.64." + (i / 250) + "." + (i % 250 + 1)));
        }
        Map<Integer, Integer> statuses = client.statuses(requests);
        assertEquals(Map.of(200, HOSTILE_KEYS), statuses, "every forwarded client has a token of its own");
        long[] stats = client.stats("trusted");
        assertTrue(stats[2] <= 100, "at most max-keys buckets: " + stats[2]);
        assertEquals(100, stats[4]);
        assertTrue(stats[3] >= HOSTILE_KEYS - 100, "buckets were dropped to stay bounded: " + stats[3]);
    }
}
