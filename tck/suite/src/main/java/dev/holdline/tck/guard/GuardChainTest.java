package dev.holdline.tck.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Capability;
import dev.holdline.tck.api.RequiresCapability;
import dev.holdline.tck.guard.app.ChainApplication;
import dev.holdline.tck.guard.app.ChainResource;
import dev.holdline.tck.guard.app.FilteredServlet;
import dev.holdline.tck.guard.log.AccessLines;
import dev.holdline.tck.guard.log.app.CapturedLines;
import dev.holdline.tck.guard.log.app.LinesServlet;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GD-1: every guard binding on one JAX-RS resource method, and a rate-limit filter, in an application
 * whose problem types live under a base of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@RequiresCapability({Capability.CDI, Capability.JAXRS})
class GuardChainTest {

    private static final String BASE = "https://tck.example/errors/problems/";

    @Deployment(testable = false)
    static WebArchive deployment() {
        String webXml = """
                  <context-param><param-name>holdline.http.problem-base</param-name><param-value>%s</param-value></context-param>
                  <filter>
                    <filter-name>rate</filter-name>
                    <filter-class>dev.holdline.guard.ratelimit.RateLimitFilter</filter-class>
                    <init-param><param-name>holdline.guard.rate.limit</param-name><param-value>1</param-value></init-param>
                    <init-param><param-name>holdline.guard.rate.window</param-name><param-value>1h</param-value></init-param>
                    <init-param><param-name>holdline.guard.rate.key</param-name><param-value>HEADER</param-value></init-param>
                    <init-param><param-name>holdline.guard.rate.header</param-name><param-value>X-Tck-Client</param-value></init-param>
                  </filter>
                  <filter-mapping><filter-name>rate</filter-name><url-pattern>/filtered/*</url-pattern></filter-mapping>
                """.formatted(BASE);
        return GuardWars.war("gd-chain", webXml)
                .addClasses(ChainApplication.class, ChainResource.class, FilteredServlet.class, CapturedLines.class,
                        LinesServlet.class);
    }

    @ArquillianResource
    URL base;

    private HttpResponse<String> get(AccessLines http, String path, String client) throws Exception {
        return http.send(http.request(path).header("X-Tck-Client", client).build());
    }

    private static String header(HttpResponse<?> answer, String name) {
        Optional<String> value = answer.headers().firstValue(name);
        return value.orElseThrow(() -> new AssertionError("no " + name + " in " + answer.headers().map()));
    }

    /** The refusal's common form: status, Retry-After in delay-seconds, a problem under the configured base. */
    private static void assertRefusal(HttpResponse<String> answer, int status, String problem) {
        assertEquals(status, answer.statusCode(), answer::body);
        assertTrue(header(answer, "Retry-After").matches("[1-9][0-9]*"), header(answer, "Retry-After"));
        assertTrue(header(answer, "Content-Type").startsWith("application/problem+json"), header(answer, "Content-Type"));
        String body = answer.body();
        assertTrue(body.contains("\"type\":\"" + BASE + problem + "\""), body);
        assertTrue(body.contains("\"status\":" + status), body);
        assertTrue(body.contains("\"title\":\""), body);
        assertTrue(body.contains("\"detail\":\""), body);
    }

    @Test
    @Assertion({"GD-1.1", "GD-1.2"})
    void aRefusalHasOneFormUnderTheConfiguredProblemBaseFromTheBindingAndTheFilter() throws Exception {
        AccessLines http = new AccessLines(base);
        String client = AccessLines.marker("form");
        assertEquals(200, get(http, "filtered/a", client).statusCode());
        assertRefusal(get(http, "filtered/a", client), 429, "rate-limited");
        assertEquals(200, get(http, "chain-api/chain/stacked/" + client, client).statusCode());
        assertRefusal(get(http, "chain-api/chain/stacked/" + client, client), 429, "rate-limited");
    }

    @Test
    @Assertion("GD-1.3")
    void aCallRefusedByTheRateLimitIsLoggedAndTakesNoConcurrencySlot() throws Exception {
        AccessLines http = new AccessLines(base);
        String client = AccessLines.marker("order");
        HttpResponse<String> first = get(http, "chain-api/chain/stacked/" + client, client);
        assertEquals(200, first.statusCode(), first::body);
        assertEquals("ran " + client, first.body());
        long admitted = Long.parseLong(get(http, "chain-api/chain/admitted", client).body());

        HttpResponse<String> refused = get(http, "chain-api/chain/stacked/" + client, client);
        assertEquals(429, refused.statusCode(), refused::body);

        assertEquals(admitted, Long.parseLong(get(http, "chain-api/chain/admitted", client).body()),
                "the rate limit (outer) refused the call before the concurrency limit (inner) admitted it");
        var lines = http.awaitLines("/chain/stacked/" + client, 2);
        assertTrue(lines.get(0).contains(" status=200 ") && lines.get(0).contains(" outcome=ok "), lines.get(0));
        assertTrue(lines.get(1).contains(" status=429 ") && lines.get(1).contains(" outcome=rejected ")
                && lines.get(1).contains(" problem=rate-limited "), "@Logged (outermost) saw the refusal: " + lines.get(1));
    }
}
