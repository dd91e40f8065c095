package dev.holdline.tck.guard.otel;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.guard.GuardWars;
import dev.holdline.tck.guard.log.AccessLines;
import dev.holdline.tck.guard.log.app.CapturedLines;
import dev.holdline.tck.guard.log.app.LinesServlet;
import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Capability;
import dev.holdline.tck.api.RequiresCapability;
import dev.holdline.tck.api.Timing;
import dev.holdline.tck.guard.otel.OtlpCollector.Exported;
import dev.holdline.tck.guard.otel.app.Greetings;
import dev.holdline.tck.guard.otel.app.TracedResource;
import dev.holdline.tck.guard.otel.app.TracingApplication;
import dev.holdline.tck.harness.HttpClients;
import dev.holdline.tck.harness.Libraries;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GD-6.20 and up, end to end: the container JVM runs the OpenTelemetry Java agent, which exports
 * OTLP/HTTP to the {@link OtlpCollector} in the test JVM; the application bundles holdline-guard and the
 * OpenTelemetry API (which the agent bridges) and calls {@code @Traced} bean methods from a JAX-RS
 * resource. Each request answers the ids of the spans it saw, and the test finds those spans among what
 * the agent exported.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@RequiresCapability({Capability.CDI, Capability.JAXRS, Capability.OTEL_AGENT})
class TracedSpanTest {

    /** Export is asynchronous (batches every 200 ms in the runners): how long a span may take to arrive. */
    private static final Duration EXPORTED = Timing.scaled(Duration.ofSeconds(15));

    /** The instrumentation scope of holdline-guard's spans. */
    private static final String GUARD_SCOPE = "dev.holdline.guard";

    private static final String GREETINGS = "dev.holdline.tck.guard.otel.app.Greetings";

    private static final long LATER_NANOS = Greetings.LATER_MILLIS * 1_000_000;

    private static final String WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <filter>
                <filter-name>tracing</filter-name>
                <filter-class>dev.holdline.guard.trace.TracingFilter</filter-class>
                <async-supported>true</async-supported>
              </filter>
              <filter-mapping>
                <filter-name>tracing</filter-name>
                <url-pattern>%s</url-pattern>
              </filter-mapping>
              <filter>
                <filter-name>access-log</filter-name>
                <filter-class>dev.holdline.guard.log.AccessLogFilter</filter-class>
                <async-supported>true</async-supported>
              </filter>
              <filter-mapping>
                <filter-name>access-log</filter-name>
                <url-pattern>%s</url-pattern>
              </filter-mapping>
            </web-app>
            """.formatted(TracedResource.FILTERED, TracedResource.LOGGED);

    private static final String REFUSAL = "dev/holdline/tck/guard/otel/app/Refusal.class";

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
        return GuardWars.war("gd-otel")
                .addAsLibraries(Libraries.of("opentelemetry-api", "io.opentelemetry.api.trace.Span"),
                        Libraries.of("opentelemetry-context", "io.opentelemetry.context.Context"),
                        Libraries.of("opentelemetry-common", "io.opentelemetry.common.ComponentLoader"))
                .addClasses(TracingApplication.class, TracedResource.class, Greetings.class, CapturedLines.class, LinesServlet.class)
                // By file: loading Refusal here would need its superclass, which the runners keep off this class path.
                .add(new ClassLoaderAsset(REFUSAL), "WEB-INF/classes/" + REFUSAL)
                .setWebXML(new StringAsset(WEB_XML));
    }

    @ArquillianResource
    URL base;

    /**
     * What one {@link TracedResource} request answered and the spans of its trace, once the agent's
     * server span and the spans whose ids it answered have all been exported.
     */
    private record Trace(String outerSpanId, String innerSpanId, List<Exported> spans) {

        Exported span(String spanId) {
            return spans.stream().filter(exported -> exported.spanId().equals(spanId))
                    .findFirst().orElseThrow(() -> new AssertionError("no span " + spanId + " in " + spans));
        }

        Exported outer() {
            return span(outerSpanId);
        }

        Exported inner() {
            return span(innerSpanId);
        }

        List<Exported> servers() {
            return spans.stream().filter(exported -> exported.span().getKind() == SpanKind.SPAN_KIND_SERVER).toList();
        }
    }

    /** Calls {@code api/traced/<path>} and waits until the spans of its trace have been exported. */
    private Trace call(String path) throws Exception {
        HttpResponse<String> answer = HttpClients.http11().send(
                HttpRequest.newBuilder(base.toURI().resolve("api/traced/" + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer::body);
        String[] ids = answer.body().trim().split(" ");
        assertEquals(3, ids.length, answer::body);
        assertTrue(ids[0].matches("[0-9a-f]{32}") && !ids[0].matches("0+"),
                () -> "the application's OpenTelemetry API sees the agent's trace: " + answer.body() + "; " + collector.summary());
        List<String> wanted = "-".equals(ids[2]) ? List.of(ids[1]) : List.of(ids[1], ids[2]);
        List<Exported> spans = await("the server span and the spans " + wanted + " of trace " + ids[0])
                .atMost(EXPORTED)
                .until(() -> collector.trace(ids[0]), trace -> trace.stream()
                        .anyMatch(exported -> exported.span().getKind() == SpanKind.SPAN_KIND_SERVER)
                        && wanted.stream().allMatch(id -> trace.stream().anyMatch(exported -> exported.spanId().equals(id))));
        return new Trace(ids[1], ids[2], spans);
    }

    /** Asserts what every {@code @Traced} span has: holdline-guard's INTERNAL child of {@code parent}. */
    private static void assertTracedChild(Exported traced, Exported parent, String name, String method) {
        Span span = traced.span();
        assertEquals(name, span.getName(), traced::toString);
        assertEquals(SpanKind.SPAN_KIND_INTERNAL, span.getKind(), traced::toString);
        assertEquals(GUARD_SCOPE, traced.scope(), traced::toString);
        assertEquals(parent.spanId(), traced.parentSpanId(), "a child of " + parent + ": " + traced);
        assertEquals(GREETINGS + "." + method, traced.attribute("code.function.name"), traced::toString);
    }

    @Test
    @Assertion("GD-5.6")
    void theAccessLogLineCarriesTheTraceIdOfTheAgentsServerSpan() throws Exception {
        AccessLines lines = new AccessLines(base);
        String marker = AccessLines.marker("otel");
        Trace trace = call("logged/" + marker);
        Exported server = trace.outer();
        assertEquals(SpanKind.SPAN_KIND_SERVER, server.span().getKind(), server::toString);
        String line = lines.awaitLines("/traced/logged/" + marker, 1).get(0);
        assertTrue(line.contains(" trace_id=" + server.traceId() + " "), "the server span's trace " + server.traceId() + " in " + line);
    }

    @Test
    @Assertion("GD-6.20")
    void theAgentsServerSpanIsTheCurrentSpanOfTheApplication() throws Exception {
        Trace trace = call("plain");
        Exported server = trace.outer();
        assertEquals(SpanKind.SPAN_KIND_SERVER, server.span().getKind(), server::toString);
        assertEquals("GET", server.attribute("http.request.method"), server::toString);
        assertEquals("200", server.attribute("http.response.status_code"), server::toString);
        assertEquals("/gd-otel/api/traced/plain", server.attribute("url.path"), server::toString);
        String route = Objects.requireNonNullElse(server.attribute("http.route"), "");
        assertTrue(route.endsWith("/traced/plain"), "the JAX-RS route: " + server);
        assertNotEquals(StatusCode.STATUS_CODE_ERROR, server.span().getStatus().getCode(), server::toString);
    }

    @Test
    @Assertion({"GD-6.21", "GD-6.1"})
    void aTracedMethodRunsInANamedChildOfTheServerSpan() throws Exception {
        Trace trace = call("named");
        Exported server = trace.outer();
        assertEquals(SpanKind.SPAN_KIND_SERVER, server.span().getKind(), server::toString);
        Exported traced = trace.inner();
        assertTracedChild(traced, server, Greetings.NAMED_SPAN, "named");
        assertEquals("ok", traced.attribute("holdline.guard.outcome"), traced::toString);
        assertNotEquals(StatusCode.STATUS_CODE_ERROR, traced.span().getStatus().getCode(), traced::toString);
        assertTrue(traced.span().getStartTimeUnixNano() >= server.span().getStartTimeUnixNano()
                && traced.span().getEndTimeUnixNano() <= server.span().getEndTimeUnixNano(), "within the server span: " + trace.spans());
    }

    @Test
    @Assertion({"GD-6.22", "GD-6.1"})
    void anUnnamedTracedSpanIsNamedAfterTheBeanClassAndMethod() throws Exception {
        Trace trace = call("unnamed");
        assertTracedChild(trace.inner(), trace.outer(), "Greetings.unnamed", "unnamed");
    }

    @Test
    @Assertion({"GD-6.23", "GD-6.2"})
    void aTracedMethodThatThrowsEndsItsSpanAsAnErrorWithTheException() throws Exception {
        Trace trace = call("failing");
        Exported traced = trace.inner();
        assertTracedChild(traced, trace.outer(), "Greetings.failing", "failing");
        assertEquals(StatusCode.STATUS_CODE_ERROR, traced.span().getStatus().getCode(), traced::toString);
        assertEquals("error", traced.attribute("holdline.guard.outcome"), traced::toString);
        Span.Event exception = traced.span().getEventsList().stream().filter(event -> event.getName().equals("exception"))
                .findFirst().orElseThrow(() -> new AssertionError("no exception event: " + traced));
        Exported event = new Exported(traced.scope(), Span.newBuilder().addAllAttributes(exception.getAttributesList()).build());
        assertEquals(IllegalStateException.class.getName(), event.attribute("exception.type"), traced::toString);
        assertEquals(Greetings.FAILURE + " " + traced.spanId(), event.attribute("exception.message"), traced::toString);
        assertNotEquals(StatusCode.STATUS_CODE_ERROR, trace.outer().span().getStatus().getCode(),
                "the request, which caught the exception, did not fail: " + trace.outer());
    }

    @Test
    @Assertion("GD-6.3")
    void theSpanOfAMethodReturningAStageEndsWhenTheStageCompletes() throws Exception {
        Trace trace = call("later");
        Exported traced = trace.inner();
        assertTracedChild(traced, trace.outer(), "Greetings.later", "later");
        long nanos = traced.span().getEndTimeUnixNano() - traced.span().getStartTimeUnixNano();
        assertTrue(nanos >= LATER_NANOS, "ended when the stage completed, " + Greetings.LATER_MILLIS + " ms after the call: " + traced);
        assertEquals("ok", traced.attribute("holdline.guard.outcome"), traced::toString);

        Trace failed = call("later-failing");
        Exported failedSpan = failed.inner();
        assertTracedChild(failedSpan, failed.outer(), "Greetings.laterFailing", "laterFailing");
        assertTrue(failedSpan.span().getEndTimeUnixNano() - failedSpan.span().getStartTimeUnixNano() >= LATER_NANOS,
                failedSpan::toString);
        assertEquals("error", failedSpan.attribute("holdline.guard.outcome"), failedSpan::toString);
        assertEquals(StatusCode.STATUS_CODE_ERROR, failedSpan.span().getStatus().getCode(), failedSpan::toString);
    }

    @Test
    @Assertion({"GD-6.24", "GD-6.2"})
    void aRejectionAnsweredWithA4xxIsRecordedButIsNoError() throws Exception {
        Trace trace = call("refused");
        Exported traced = trace.inner();
        assertTracedChild(traced, trace.outer(), "Greetings.refused", "refused");
        assertNotEquals(StatusCode.STATUS_CODE_ERROR, traced.span().getStatus().getCode(), traced::toString);
        assertEquals("rejected", traced.attribute("holdline.guard.outcome"), traced::toString);
        assertEquals("tck-refused", traced.attribute("holdline.guard.problem"), traced::toString);
        assertEquals("429", traced.attribute("http.response.status_code"), traced::toString);
    }

    @Test
    @Assertion("GD-6.5")
    void everyRejectionTheMapperAnswersIsCounted() throws Exception {
        Map<String, String> refused = Map.of("holdline.guard.problem", "tck-refused", "http.response.status_code", "429");
        long before = collector.counter("holdline.guard.rejections", refused);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> answer = HttpClients.http11().send(
                    HttpRequest.newBuilder(base.toURI().resolve("api/traced/rejected")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(429, answer.statusCode(), answer::body);
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), answer::toString);
        }
        await("holdline.guard.rejections exported").atMost(EXPORTED)
                .until(() -> collector.counter("holdline.guard.rejections", refused) >= before + 2);
        assertEquals(before + 2, collector.counter("holdline.guard.rejections", refused), "one per answered rejection");
    }

    @Test
    @Assertion({"GD-6.25", "GD-6.4"})
    void theTracingFiltersSpanIsAChildOfTheServerSpanAndParentOfTracedSpans() throws Exception {
        Trace trace = call("filtered");
        assertEquals(1, trace.servers().size(), "one server span, the agent's: " + trace.spans());
        Exported server = trace.servers().get(0);
        Exported filter = trace.outer();
        assertEquals("GET /gd-otel", filter.span().getName(), filter::toString);
        assertEquals(SpanKind.SPAN_KIND_INTERNAL, filter.span().getKind(), filter::toString);
        assertEquals(GUARD_SCOPE, filter.scope(), filter::toString);
        assertEquals(server.spanId(), filter.parentSpanId(), "a child of the agent's server span " + server + ": " + filter);
        assertEquals("/gd-otel" + TracedResource.FILTERED, filter.attribute("url.path"), filter::toString);
        assertEquals("200", filter.attribute("http.response.status_code"), filter::toString);
        assertEquals("ok", filter.attribute("holdline.guard.outcome"), filter::toString);
        assertTracedChild(trace.inner(), filter, Greetings.NAMED_SPAN, "named");
    }
}
