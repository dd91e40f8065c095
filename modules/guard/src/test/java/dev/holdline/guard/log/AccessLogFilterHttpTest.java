package dev.holdline.guard.log;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.guard.trace.GuardTelemetry;
import dev.holdline.testing.EmbeddedUndertow;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AccessLogFilter} outside a {@code TracingFilter} on a real Undertow, with an in-memory SDK as the global instance. */
class AccessLogFilterHttpTest {

    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SECRET = "s3cr3t-value";

    private static EmbeddedUndertow server;
    private LogCapture log;

    @BeforeAll
    static void start() throws Exception {
        server = ObservedApp.start(Map.of(AccessLogFilter.HEADERS, "User-Agent, X-Note, Authorization, Cookie, X-CSRF-Token"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void capture() {
        log = new LogCapture();
    }

    @AfterEach
    void release() {
        log.close();
    }

    private String onlyLine(String path) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !log.linesWith("path=" + path).isEmpty());
        List<String> lines = log.lines();
        assertEquals(1, lines.size(), lines::toString);
        return lines.get(0);
    }

    @Test
    void oneLinePerRequestWithTheTraceIdOfTheTracingFiltersSpan() throws Exception {
        HttpResponse<String> answer = server.send(server.request("app/ok?token=" + SECRET)
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").header("User-Agent", "probe/1").build());
        assertEquals(200, answer.statusCode());
        String line = onlyLine("/app/ok");
        assertTrue(line.matches("method=GET path=/app/ok status=200 duration_ms=\\d+\\.\\d{3} trace_id=" + TRACE_ID
                + " outcome=ok filter=access header\\.user-agent=probe/1"), line);
        assertFalse(line.contains(SECRET), "no query string: " + line);

        await().atMost(Duration.ofSeconds(10)).until(() -> OTEL.getSpans().size() == 1);
        SpanData span = OTEL.getSpans().get(0);
        assertEquals("GET /", span.getName());
        assertEquals(SpanKind.SERVER, span.getKind(), "no agent span current: a server span under the incoming traceparent");
        assertEquals(TRACE_ID, span.getTraceId());
        assertEquals("00f067aa0ba902b7", span.getParentSpanId());
        assertEquals(200L, span.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals("/app/ok", span.getAttributes().get(AttributeKey.stringKey("url.path")));
    }

    @Test
    void credentialsCookiesAndCsrfTokensNeverAppear() throws Exception {
        server.send(server.request("app/ok").header("Authorization", "Bearer " + SECRET).header("Cookie", "JSESSIONID=" + SECRET)
                .header("X-CSRF-Token", SECRET).build());
        String line = onlyLine("/app/ok");
        assertFalse(line.contains(SECRET), line);
        assertTrue(line.endsWith(" header.authorization=[redacted] header.cookie=[redacted] header.x-csrf-token=[redacted]"), line);
    }

    @Test
    void aHostilePathOrHeaderCannotSplitTheLineOrForgeFields() throws Exception {
        server.send(server.request("app/ok%0D%0Astatus=999%22").header("X-Note", "a\" status=999 b=\"").build());
        await().atMost(Duration.ofSeconds(10)).until(() -> !log.lines().isEmpty());
        String line = log.lines().get(0);
        assertEquals(1, log.lines().size());
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertTrue(line.startsWith("method=GET path=\"/app/ok%0D%0Astatus=999%22\" status=200 "), line);
        assertTrue(line.endsWith(" header.x-note=\"a\\\" status=999 b=\\\"\""), line);
    }

    @Test
    void aRejectionAFailureAndAnAsyncRequestAreLoggedWithTheirStatus() throws Exception {
        assertEquals(429, server.get("app/reject").statusCode());
        assertTrue(onlyLine("/app/reject").contains(" status=429 "), log.lines()::toString);
        log.close();

        log = new LogCapture();
        assertEquals(500, server.get("app/boom").statusCode());
        String boom = onlyLine("/app/boom");
        assertTrue(boom.contains(" status=500 ") && boom.contains(" outcome=error ") && boom.contains(" exception="), boom);
        log.close();

        log = new LogCapture();
        assertEquals(202, server.get("app/async").statusCode());
        assertTrue(onlyLine("/app/async").contains(" status=202 "), log.lines()::toString);
        await().atMost(Duration.ofSeconds(10)).until(() -> OTEL.getSpans().stream().anyMatch(span ->
                "/app/boom".equals(span.getAttributes().get(AttributeKey.stringKey("url.path")))));
        SpanData failed = OTEL.getSpans().stream()
                .filter(span -> "/app/boom".equals(span.getAttributes().get(AttributeKey.stringKey("url.path")))).findFirst().orElseThrow();
        assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
        assertEquals("error", failed.getAttributes().get(AttributeKey.stringKey(GuardTelemetry.OUTCOME_ATTRIBUTE)));
    }
}
