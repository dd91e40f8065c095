package dev.holdline.guard.ratelimit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.testing.EmbeddedUndertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.FilterInfo;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The filter over real HTTP on Undertow, each mapping a policy of its own. */
class RateLimitFilterHttpTest {

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static EmbeddedUndertow server;

    /** Answers {@code ok}, counting the requests that reached it. */
    public static final class OkServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            RUNS.incrementAndGet();
            response.setContentType("text/plain");
            response.getWriter().write("ok");
        }
    }

    /** Plays authentication: the user is the {@code X-User} header. */
    public static final class HeaderUserFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            String user = http.getHeader("X-User");
            chain.doFilter(user == null ? request : new HttpServletRequestWrapper(http) {
                @Override
                public Principal getUserPrincipal() {
                    return () -> user;
                }
            }, response);
        }
    }

    @BeforeAll
    static void deploy() throws Exception {
        DeploymentInfo deployment = EmbeddedUndertow.deployment();
        deployment.addServlet(Servlets.servlet("ok", OkServlet.class).addMapping("/*"));
        deployment.addFilter(Servlets.filter("user", HeaderUserFilter.class));
        deployment.addFilterUrlMapping("user", "/*", DispatcherType.REQUEST);
        limit(deployment, "limited", Map.of("limit", "3", "window", "1h", "policy", "tight"));
        limit(deployment, "spoof", Map.of("limit", "1", "window", "1h"));
        limit(deployment, "trusted", Map.of("limit", "1", "window", "1h", "trusted-proxies", "127.0.0.0/8, ::1", "max-keys", "50"));
        limit(deployment, "forwarded", Map.of("limit", "1", "window", "1h", "trusted-proxies", "127.0.0.1, ::1",
                "forwarded-header", "Forwarded"));
        limit(deployment, "header", Map.of("limit", "1", "window", "1h", "key", "HEADER", "header", "X-Api-Key"));
        limit(deployment, "principal", Map.of("limit", "1", "window", "1h", "key", "principal"));
        limit(deployment, "global", Map.of("limit", "2", "window", "1h", "key", "GLOBAL"));
        limit(deployment, "refill", Map.of("limit", "2", "window", "2s"));
        server = EmbeddedUndertow.start(deployment);
    }

    private static void limit(DeploymentInfo deployment, String name, Map<String, String> settings) {
        FilterInfo filter = Servlets.filter(name, RateLimitFilter.class);
        settings.forEach((key, value) -> filter.addInitParam("holdline.guard.rate." + key, value));
        deployment.addFilter(filter);
        deployment.addFilterUrlMapping(name, "/" + name + "/*", DispatcherType.REQUEST);
    }

    @AfterAll
    static void undeploy() throws Exception {
        server.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = server.request(path).GET();
        return server.send(headers.length == 0 ? request.build() : request.headers(headers).build());
    }

    private static RateLimitStats stats(String filter) {
        return ((RateLimitFilter) server.servletContext().getAttribute(RateLimitFilter.CONTEXT_ATTRIBUTE_PREFIX + filter)).stats();
    }

    @Test
    void overTheLimitIs429WithRetryAfterFieldsAndProblem() throws Exception {
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> allowed = get("limited/a");
            assertEquals(200, allowed.statusCode());
            assertEquals("\"tight\";q=3;w=3600", allowed.headers().firstValue("RateLimit-Policy").orElseThrow());
            String field = allowed.headers().firstValue("RateLimit").orElseThrow();
            assertTrue(field.startsWith("\"tight\";r=" + remaining + ";t="), field);
        }
        int runs = RUNS.get();
        HttpResponse<String> refused = get("limited/a");
        assertEquals(429, refused.statusCode());
        assertEquals(runs, RUNS.get(), "a refused request never reaches the servlet");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1199 && retryAfter <= 1200, "one token per 20 minutes: " + retryAfter);
        assertEquals("\"tight\";q=3;w=3600", refused.headers().firstValue("RateLimit-Policy").orElseThrow());
        String field = refused.headers().firstValue("RateLimit").orElseThrow();
        assertTrue(field.matches("\"tight\";r=0;t=3[56]\\d\\d"), field);
        assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(refused.body().contains("\"type\":\"https://holdline.dev/problems/rate-limited\""), refused.body());
        assertTrue(refused.body().contains("\"status\":429"), refused.body());
        assertTrue(refused.body().contains("3 requests per 1h"), refused.body());
    }

    @Test
    void spoofedForwardingHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
        assertEquals(200, get("spoof/x", "X-Forwarded-For", "203.0.113.1").statusCode());
        for (int i = 2; i <= 20; i++) {
            assertEquals(429, get("spoof/x", "X-Forwarded-For", "203.0.113." + i, "Forwarded", "for=198.51.100." + i)
                    .statusCode(), "request " + i);
        }
    }

    @Test
    void aTrustedProxyForwardsDistinctClientsIntoBoundedBuckets() throws Exception {
        assertEquals(200, get("trusted/x", "X-Forwarded-For", "198.51.100.1").statusCode());
        assertEquals(429, get("trusted/x", "X-Forwarded-For", "9.9.9.9, 198.51.100.1").statusCode(),
                "the right-most untrusted hop is the key, not the spoofed left one");
        for (int i = 0; i < 200; i++) {
            String client = "198.51." + (i / 250) + "." + (i % 250 + 1);
            assertEquals(200, get("trusted/x", "X-Forwarded-For", "1.1.1.1, " + client).statusCode(), client);
        }
        assertEquals(200, get("trusted/x", "X-Forwarded-For", "garbage, 192.0.2.200").statusCode());
        assertEquals(200, get("trusted/x", "X-Forwarded-For", "not an address").statusCode(), "the proxy's own bucket");
        assertEquals(429, get("trusted/x", "X-Forwarded-For", "still not").statusCode());
        RateLimitStats stats = stats("trusted");
        assertTrue(stats.trackedKeys() <= 50, stats.toString());
        assertEquals(50, stats.maxKeys());
    }

    @Test
    void forwardedForIsReadWhenConfigured() throws Exception {
        assertEquals(200, get("forwarded/x", "Forwarded", "for=\"[2001:db8::7]:4711\";proto=https").statusCode());
        assertEquals(429, get("forwarded/x", "Forwarded", "for=1.2.3.4, for=\"[2001:db8::7]\"").statusCode());
        assertEquals(200, get("forwarded/x", "Forwarded", "for=192.0.2.9", "X-Forwarded-For", "2001:db8::7").statusCode(),
                "only the configured header counts");
    }

    @Test
    void headerAndPrincipalKeysHaveABucketEach() throws Exception {
        assertEquals(200, get("header/x", "X-Api-Key", "one").statusCode());
        assertEquals(429, get("header/x", "X-Api-Key", "one").statusCode());
        assertEquals(200, get("header/x", "X-Api-Key", "two").statusCode());
        assertEquals(200, get("header/x", "X-Api-Key", "x".repeat(5000)).statusCode());
        assertEquals(200, get("header/x").statusCode(), "no header: counted by address");
        assertEquals(429, get("header/x").statusCode());

        assertEquals(200, get("principal/x", "X-User", "ann").statusCode());
        assertEquals(429, get("principal/x", "X-User", "ann").statusCode());
        assertEquals(200, get("principal/x", "X-User", "bob").statusCode());
        assertEquals(200, get("principal/x", "X-User", "127.0.0.1").statusCode(), "a user named like an address is a user");
        assertEquals(200, get("principal/x").statusCode(), "anonymous: counted by address");

        assertEquals(200, get("global/x", "X-User", "a").statusCode());
        assertEquals(200, get("global/y", "X-User", "b").statusCode());
        assertEquals(429, get("global/z", "X-User", "c").statusCode());
    }

    @Test
    void aTokenComesBackAfterWindowOverLimit() throws Exception {
        long start = System.nanoTime();
        assertEquals(200, get("refill/x").statusCode());
        assertEquals(200, get("refill/x").statusCode());
        HttpResponse<String> refused = get("refill/x");
        assertEquals(429, refused.statusCode());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> get("refill/x").statusCode() == 200);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofMillis(1000)) >= 0, "one token per second: " + took);
    }

    @Test
    void aBadSettingFailsTheFiltersInit() throws Exception {
        DeploymentInfo deployment = EmbeddedUndertow.deployment();
        deployment.addServlet(Servlets.servlet("ok", OkServlet.class).addMapping("/*"));
        limit(deployment, "bad", Map.of("trusted-proxies", "proxy.example"));
        try (EmbeddedUndertow bad = EmbeddedUndertow.start(deployment)) {
            int runs = RUNS.get();
            assertEquals(500, bad.get("bad/x").statusCode(), "the container refuses to run a filter whose init failed");
            assertEquals(runs, RUNS.get());
            assertNull(bad.servletContext().getAttribute(RateLimitFilter.CONTEXT_ATTRIBUTE_PREFIX + "bad"));
        }
    }
}
