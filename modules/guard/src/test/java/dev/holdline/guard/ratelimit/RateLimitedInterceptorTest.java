package dev.holdline.guard.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link RateLimited} on a bean discovered by Weld SE from the jars' beans.xml, outside any HTTP request. */
class RateLimitedInterceptorTest {

    private static WeldContainer weld;

    @BeforeAll
    static void boot() {
        weld = new Weld().initialize();
    }

    @AfterAll
    static void shutdown() {
        weld.shutdown();
    }

    @Test
    void aCallOverTheLimitThrowsWithoutRunning() throws Exception {
        Limited limited = weld.select(Limited.class).get();
        RateLimitedMethods methods = weld.select(RateLimitedMethods.class).get();
        assertNull(methods.stats(Limited.class.getMethod("twice")));
        assertEquals(1, limited.twice());
        assertEquals(2, limited.twice());
        RateLimitExceededException refused = assertThrows(RateLimitExceededException.class, limited::twice);
        assertEquals(2, limited.runs());
        assertEquals(429, refused.status());
        assertEquals("rate-limited", refused.problemName());
        assertTrue(refused.retryAfter().orElseThrow().compareTo(Duration.ofMinutes(29)) > 0, refused.retryAfter().toString());
        assertEquals("\"calls\";q=2;w=3600", refused.headers().get("RateLimit-Policy"));
        assertTrue(refused.headers().get("RateLimit").startsWith("\"calls\";r=0;t="), refused.headers().toString());
        assertEquals(new RateLimitStats(2, 1, 1, 0, RateLimitPolicy.DEFAULT_MAX_KEYS), methods.stats(Limited.class.getMethod("twice")));
    }

    @Test
    void outsideARequestCallsShareOneBucketPerMethod() {
        Limited limited = weld.select(Limited.class).get();
        assertEquals("a", limited.byClient("a"));
        assertThrows(RateLimitExceededException.class, () -> limited.byClient("b"), "no client to tell apart");
        assertEquals("other", limited.other(), "each method has buckets of its own");
    }
}
