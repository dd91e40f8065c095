package dev.holdline.tck.guard.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Capability;
import dev.holdline.tck.api.RequiresCapability;
import dev.holdline.tck.api.Timing;
import dev.holdline.tck.guard.trace.app.IllegalArgumentMapper;
import dev.holdline.tck.guard.trace.app.PlainServlet;
import dev.holdline.tck.guard.trace.app.TraceApplication;
import dev.holdline.tck.guard.trace.app.TracedGreeter;
import dev.holdline.tck.guard.trace.app.TracedResource;
import dev.holdline.tck.harness.HttpClients;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GD-6.6: a WAR that does not bundle the OpenTelemetry API, without an agent: {@code @Traced} beans and
 * resources, {@code TracingFilter} and {@code AccessLogFilter} (mapped to everything, outermost first)
 * deploy and answer exactly as they would without them. The spans themselves, with the agent, are the
 * OpenTelemetry agent tests' business.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@RequiresCapability({Capability.CDI, Capability.JAXRS})
class TracedWithoutApiTest {

    private static final Duration LIMIT = Timing.scaled(Duration.ofSeconds(10));
    private final HttpClient client = HttpClients.http11();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ObserveWars.withRejection(ObserveWars.war("gd-traced", """
                  <filter>
                    <filter-name>access</filter-name>
                    <filter-class>dev.holdline.guard.log.AccessLogFilter</filter-class>
                    <async-supported>true</async-supported>
                  </filter>
                  <filter>
                    <filter-name>tracing</filter-name>
                    <filter-class>dev.holdline.guard.trace.TracingFilter</filter-class>
                    <async-supported>true</async-supported>
                  </filter>
                  <filter-mapping>
                    <filter-name>access</filter-name>
                    <url-pattern>/*</url-pattern>
                  </filter-mapping>
                  <filter-mapping>
                    <filter-name>tracing</filter-name>
                    <url-pattern>/*</url-pattern>
                  </filter-mapping>
                """)).addClasses(TracedGreeter.class, TracedResource.class, TraceApplication.class, IllegalArgumentMapper.class,
                PlainServlet.class);
    }

    @ArquillianResource
    URL base;

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(base.toURI().resolve(path)).timeout(LIMIT)
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Assertion("GD-6.6")
    void tracedMethodsAnswerAsWithoutTracing() throws Exception {
        HttpResponse<String> greeting = get("api/traced/greet/ann");
        assertEquals(200, greeting.statusCode(), greeting::body);
        assertEquals("hello ann", greeting.body());

        HttpResponse<String> later = get("api/traced/later/bob");
        assertEquals(200, later.statusCode(), later::body);
        assertEquals("later bob", later.body(), "a CompletionStage result passes through unchanged");
    }

    @Test
    @Assertion("GD-6.6")
    void exceptionsPassThroughUnchanged() throws Exception {
        HttpResponse<String> failing = get("api/traced/failing/cy");
        assertEquals(409, failing.statusCode(), failing::body);
        assertEquals("java.lang.IllegalArgumentException no greeting for cy", failing.body());

        HttpResponse<String> refused = get("api/traced/refused/di");
        assertEquals(429, refused.statusCode(), refused::body);
        assertEquals("2", refused.headers().firstValue("Retry-After").orElse(null));
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), refused.headers()::toString);
        assertTrue(refused.body().contains("rate-limited"), refused.body());
    }

    @Test
    @Assertion("GD-6.6")
    void theFiltersPassRequestsOnSynchronousOrNot() throws Exception {
        HttpResponse<String> plain = get("plain/page");
        assertEquals(200, plain.statusCode(), plain::body);
        assertEquals("plain /page", plain.body());

        HttpResponse<String> async = get("plain/async/page");
        assertEquals(202, async.statusCode(), async::body);
        assertEquals("async /async/page", async.body());
    }
}
