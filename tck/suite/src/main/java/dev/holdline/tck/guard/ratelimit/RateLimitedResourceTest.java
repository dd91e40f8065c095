package dev.holdline.tck.guard.ratelimit;

import static dev.holdline.tck.guard.ratelimit.RateLimitWars.rateLimit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Capability;
import dev.holdline.tck.api.RequiresCapability;
import dev.holdline.tck.guard.ratelimit.app.LimitedResource;
import dev.holdline.tck.guard.ratelimit.app.RateLimitApplication;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GD-2 through {@code @RateLimited} on JAX-RS resource methods, next to a {@code RateLimitFilter} with the
 * same settings ({@code /rl/same/*}) whose answer it must repeat.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@RequiresCapability({Capability.CDI, Capability.JAXRS})
class RateLimitedResourceTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RateLimitWars.war("rl-bean", Map.of("holdline.guard.rate.trusted-proxies", "127.0.0.0/8, ::1"), rateLimit("same", Map.of("limit", "2", "window", "1h", "policy", "tck")))
                .addClasses(RateLimitApplication.class, LimitedResource.class);
    }

    @ArquillianResource
    URL base;

    private static String header(HttpResponse<?> answer, String name) {
        return answer.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " in " + answer.headers().map()));
    }

    /** The parts of a 429 that must be equal, with the seconds (which may differ by one between two buckets) blanked. */
    private static List<String> answer(HttpResponse<String> refused) {
        String retryAfter = header(refused, "Retry-After");
        assertTrue(Long.parseLong(retryAfter) >= 1, retryAfter);
        return List.of(Integer.toString(refused.statusCode()),
                header(refused, "Content-Type").replace(" ", "").toLowerCase().replace(";charset=utf-8", ""),
                header(refused, "RateLimit-Policy"),
                header(refused, "RateLimit").replaceAll("t=\\d+", "t=N"),
                refused.body().replaceAll("\\d+ s\\b", "N s"));
    }

    @Test
    @Assertion("GD-2.3")
    void theBindingAnswersExactlyAsTheFilter() throws Exception {
        RateLimitClient client = new RateLimitClient(base);
        for (int i = 0; i < 2; i++) {
            assertEquals(200, client.get("rl/same/x").statusCode());
            HttpResponse<String> allowed = client.get("rl-api/limited/same");
            assertEquals(200, allowed.statusCode(), allowed::body);
        }
        String runs = client.get("rl-api/limited/runs").body();
        HttpResponse<String> byFilter = client.get("rl/same/x");
        HttpResponse<String> byBinding = client.get("rl-api/limited/same");
        assertEquals(runs, client.get("rl-api/limited/runs").body(), "the refused call did not run the method");
        assertEquals(429, byBinding.statusCode(), byBinding::body);
        assertEquals(answer(byFilter), answer(byBinding));
        assertTrue(header(byBinding, "Content-Type").startsWith("application/problem+json"));
        assertEquals("\"tck\";q=2;w=3600", header(byBinding, "RateLimit-Policy"));
        assertTrue(header(byBinding, "RateLimit").matches("\"tck\";r=0;t=\\d+"), header(byBinding, "RateLimit"));
        assertTrue(byBinding.body().contains("\"type\":\"https://holdline.dev/problems/rate-limited\""), byBinding.body());
    }

    @Test
    @Assertion("GD-2.4")
    void theBindingKeepsABucketPerKey() throws Exception {
        RateLimitClient client = new RateLimitClient(base);
        assertEquals(200, client.get("rl-api/limited/by-key", "X-Client-Key", "one").statusCode());
        assertEquals(429, client.get("rl-api/limited/by-key", "X-Client-Key", "one").statusCode());
        assertEquals(200, client.get("rl-api/limited/by-key", "X-Client-Key", "two").statusCode());
        assertEquals(200, client.get("rl-api/limited/by-key").statusCode(), "no header: counted by client address");
        assertEquals(429, client.get("rl-api/limited/by-key").statusCode());
    }

    @Test
    @Assertion("GD-2.7")
    void theBindingBelievesTheTrustedProxiesOfTheContextParams() throws Exception {
        RateLimitClient client = new RateLimitClient(base);
        assertEquals(200, client.get("rl-api/limited/by-client", "X-Forwarded-For", "198.51.100.1").statusCode());
        assertEquals(429, client.get("rl-api/limited/by-client", "X-Forwarded-For", "203.0.113.5, 198.51.100.1").statusCode());
        assertEquals(200, client.get("rl-api/limited/by-client", "X-Forwarded-For", "198.51.100.2").statusCode(), "another client");
        assertEquals(200, client.get("rl-api/limited/by-client", "X-Forwarded-For", "garbage").statusCode(), "the proxy's bucket");
        assertEquals(429, client.get("rl-api/limited/by-client").statusCode(), "the proxy's bucket again");
    }
}
