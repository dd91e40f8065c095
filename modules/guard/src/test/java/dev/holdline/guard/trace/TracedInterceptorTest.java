package dev.holdline.guard.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Traced} on a Weld bean, with an in-memory OpenTelemetry SDK registered as the global instance. */
class TracedInterceptorTest {

    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    private static WeldContainer weld;
    private TracedBean bean;

    @BeforeAll
    static void boot() {
        weld = new Weld().initialize();
    }

    @AfterAll
    static void shutdown() {
        weld.shutdown();
    }

    @BeforeEach
    void select() {
        bean = weld.select(TracedBean.class).get();
        assertTrue(GuardTelemetry.enabled(), "the API is on this test class path");
    }

    private SpanData onlySpan(String name) {
        List<SpanData> spans = OTEL.getSpans().stream().filter(span -> span.getName().equals(name)).toList();
        assertEquals(1, spans.size(), () -> "spans named " + name + ": " + OTEL.getSpans());
        return spans.get(0);
    }

    @Test
    void aSpanIsAChildOfTheCurrentSpanNamedAfterClassAndMethod() {
        Span parent = OTEL.getOpenTelemetry().getTracer("test").spanBuilder("parent").startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            assertEquals("ABC", bean.plain("abc"));
        } finally {
            parent.end();
        }
        SpanData span = onlySpan("TracedBean.plain");
        assertEquals(parent.getSpanContext().getTraceId(), span.getTraceId());
        assertEquals(parent.getSpanContext().getSpanId(), span.getParentSpanId());
        assertEquals(SpanKind.INTERNAL, span.getKind());
        assertEquals(TracedBean.class.getName() + ".plain", span.getAttributes().get(AttributeKey.stringKey("code.function.name")));
        assertEquals("ok", span.getAttributes().get(AttributeKey.stringKey(GuardTelemetry.OUTCOME_ATTRIBUTE)));
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
    }

    @Test
    void theValueNamesTheSpan() {
        bean.named();
        assertFalse(onlySpan("checkout").getParentSpanContext().isValid(), "no current span: a root span");
    }

    @Test
    void anExceptionIsRecordedWithErrorStatus() {
        assertThrows(IllegalStateException.class, bean::fails);
        SpanData span = onlySpan("TracedBean.fails");
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals("error", span.getAttributes().get(AttributeKey.stringKey(GuardTelemetry.OUTCOME_ATTRIBUTE)));
        assertTrue(span.getEvents().stream().anyMatch(event -> event.getName().equals("exception")), span.getEvents()::toString);
    }

    @Test
    void aRejectionIsNamedAndOnlyA5xxOneIsAnError() {
        assertThrows(TestRejection.class, bean::rejects);
        SpanData limited = onlySpan("TracedBean.rejects");
        assertEquals("rejected", limited.getAttributes().get(AttributeKey.stringKey(GuardTelemetry.OUTCOME_ATTRIBUTE)));
        assertEquals("rate-limited", limited.getAttributes().get(AttributeKey.stringKey("holdline.guard.problem")));
        assertEquals(429L, limited.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals(StatusCode.UNSET, limited.getStatus().getStatusCode());

        assertThrows(TestRejection.class, bean::expires);
        assertEquals(StatusCode.ERROR, onlySpan("TracedBean.expires").getStatus().getStatusCode());
    }

    @Test
    void aStageIsTracedUntilItCompletes() {
        CompletableFuture<String> result = new CompletableFuture<>();
        CompletableFuture<String> returned = bean.later(result);
        assertSame(result, returned, "the stage is returned unchanged");
        assertTrue(OTEL.getSpans().isEmpty(), "the span is still open: " + OTEL.getSpans());
        result.completeExceptionally(new IllegalArgumentException("late"));
        SpanData span = onlySpan("TracedBean.later");
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals("error", span.getAttributes().get(AttributeKey.stringKey(GuardTelemetry.OUTCOME_ATTRIBUTE)));
    }
}
