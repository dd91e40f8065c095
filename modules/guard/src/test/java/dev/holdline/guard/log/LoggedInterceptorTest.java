package dev.holdline.guard.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.guard.trace.TestRejection;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Logged} on a Weld bean outside HTTP: target, status, outcome, trace id. */
class LoggedInterceptorTest {

    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    private static final String TARGET = "target=" + LoggedBean.class.getName() + ".";

    private static WeldContainer weld;
    private LoggedBean bean;
    private LogCapture log;

    @BeforeAll
    static void boot() {
        weld = new Weld().initialize();
    }

    @AfterAll
    static void shutdown() {
        weld.shutdown();
    }

    @BeforeEach
    void capture() {
        bean = weld.select(LoggedBean.class).get();
        log = new LogCapture();
    }

    @AfterEach
    void release() {
        log.close();
    }

    @Test
    void oneInfoLinePerCallWithTheTraceIdOfTheCurrentSpan() {
        Span parent = OTEL.getOpenTelemetry().getTracer("test").spanBuilder("parent").startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            bean.plain("a");
        } finally {
            parent.end();
        }
        assertEquals(List.of(Level.INFO), log.levels());
        String line = log.lines().get(0);
        assertTrue(line.matches("status=- duration_ms=\\d+\\.\\d{3} trace_id=" + parent.getSpanContext().getTraceId()
                + " outcome=ok " + TARGET.replace(".", "\\.") + "plain"), line);
    }

    @Test
    void noTraceIdWithoutACurrentSpan() {
        bean.plain("a");
        assertFalse(log.lines().get(0).contains("trace_id="), log.lines()::toString);
    }

    @Test
    void aRejectionIsLoggedWithItsStatusAndProblem() {
        assertThrows(TestRejection.class, bean::rejects);
        String line = log.lines().get(0);
        assertTrue(line.startsWith("status=429 "), line);
        assertTrue(line.endsWith(" outcome=rejected " + TARGET + "rejects problem=rate-limited exception=" + TestRejection.class.getName()), line);
    }

    @Test
    void anExceptionIsLoggedByClassNeverByMessage() {
        assertThrows(IllegalStateException.class, bean::fails);
        String line = log.lines().get(0);
        assertTrue(line.endsWith(" outcome=error " + TARGET + "fails exception=java.lang.IllegalStateException"), line);
        assertFalse(line.contains("secret"), line);
    }

    @Test
    void aStageIsLoggedWhenItCompletes() {
        CompletableFuture<String> result = new CompletableFuture<>();
        bean.later(result);
        assertTrue(log.lines().isEmpty(), log.lines()::toString);
        result.complete("done");
        assertEquals(1, log.linesWith(TARGET + "later").size(), log.lines()::toString);
        assertTrue(log.lines().get(0).contains(" outcome=ok "), log.lines()::toString);
    }
}
