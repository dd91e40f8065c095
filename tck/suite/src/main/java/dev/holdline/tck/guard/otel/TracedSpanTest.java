package dev.holdline.tck.guard.otel;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Capability;
import dev.holdline.tck.api.RequiresCapability;
import dev.holdline.tck.api.Timing;
import dev.holdline.tck.guard.otel.app.Greetings;
import dev.holdline.tck.guard.otel.app.TracedResource;
import dev.holdline.tck.guard.otel.app.TracingApplication;
import dev.holdline.tck.harness.Deployments;
import dev.holdline.tck.harness.HttpClients;
import dev.holdline.tck.harness.Libraries;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GD-6, end to end: the container JVM runs the OpenTelemetry Java agent, which exports OTLP/HTTP to the
 * {@link OtlpCollector} in the test JVM; the application bundles holdline-guard and the OpenTelemetry API
 * (which the agent bridges) and calls {@code @Traced} bean methods from a JAX-RS resource. Each request
 * answers the ids of the spans it saw, and the test finds those spans among what the agent exported.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@RequiresCapability({Capability.CDI, Capability.JAXRS, Capability.OTEL_AGENT})
class TracedSpanTest {

    /** Export is asynchronous (batches every 200 ms in the runners): how long a span may take to arrive. */
    private static final Duration EXPORTED = Timing.scaled(Duration.ofSeconds(15));

    private static OtlpCollector collector;

    @BeforeAll
    static void startCollector() {
        collector = new OtlpCollector();
    }

    @AfterAll
    static void stopCollector() {
        collector.close();
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("gd-otel")
                .addAsLibraries(Libraries.of("holdline-guard", "dev.holdline.guard.GuardRejectedException"),
                        Libraries.of("holdline-http", "dev.holdline.http.Problem"),
                        Libraries.of("caffeine", "com.github.benmanes.caffeine.cache.Caffeine"),
                        Libraries.of("bucket4j_jdk17-core", "io.github.bucket4j.Bucket"),
                        Libraries.of("opentelemetry-api", "io.opentelemetry.api.trace.Span"),
                        Libraries.of("opentelemetry-context", "io.opentelemetry.context.Context"))
                .addClasses(TracingApplication.class, TracedResource.class, Greetings.class);
    }

    @ArquillianResource
    URL base;

    /** The ids a {@link TracedResource} request answered, and the spans of its trace once all have arrived. */
    private record Traced(String traceId, String serverSpanId, String innerSpanId, List<Span> spans) {

        Span span(String spanId) {
            return spans.stream().filter(span -> OtlpCollector.hex(span.getSpanId().toByteArray()).equals(spanId))
                    .findFirst().orElseThrow(() -> new AssertionError("no span " + spanId + " in " + spans));
        }

        Span server() {
            return span(serverSpanId);
        }

        Span inner() {
            return span(innerSpanId);
        }
    }

    /** Calls {@code api/traced/<path>} and waits until the spans whose ids it answered were exported. */
    private Traced call(String path) throws Exception {
        HttpResponse<String> answer = HttpClients.http11().send(
                HttpRequest.newBuilder(base.toURI().resolve("api/traced/" + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer::body);
        String[] ids = answer.body().trim().split(" ");
        assertEquals(3, ids.length, answer::body);
        assertTrue(ids[0].matches("[0-9a-f]{32}") && !ids[0].matches("0+"),
                "the application's OpenTelemetry API sees the agent's trace: " + answer.body());
        List<String> wanted = "-".equals(ids[2]) ? List.of(ids[1]) : List.of(ids[1], ids[2]);
        List<Span> spans = await("the spans " + wanted + " of trace " + ids[0] + " exported").atMost(EXPORTED)
                .until(() -> collector.trace(ids[0]),
                        trace -> wanted.stream().allMatch(id -> trace.stream()
                                .anyMatch(span -> OtlpCollector.hex(span.getSpanId().toByteArray()).equals(id))));
        return new Traced(ids[0], ids[1], ids[2], spans);
    }

    @Test
    @Assertion("GD-6.20")
    void theAgentsServerSpanIsTheCurrentSpanOfTheApplication() throws Exception {
        Traced traced = call("plain");
        Span server = traced.server();
        assertEquals(Span.SpanKind.SPAN_KIND_SERVER, server.getKind(), server::toString);
        assertEquals("GET", OtlpCollector.attribute(server, "http.request.method"), server::toString);
        assertEquals("200", OtlpCollector.attribute(server, "http.response.status_code"), server::toString);
        assertEquals("/gd-otel/api/traced/plain", OtlpCollector.attribute(server, "url.path"), server::toString);
        String route = Optional.ofNullable(OtlpCollector.attribute(server, "http.route")).orElse("");
        assertTrue(route.endsWith("/traced/plain"), "the JAX-RS route: " + server);
        assertNotEquals(Status.StatusCode.STATUS_CODE_ERROR, server.getStatus().getCode(), server::toString);
    }
}
