package dev.holdline.guard.log;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.guard.trace.GuardTelemetry;
import dev.holdline.guard.trace.TestRejection;
import dev.holdline.guard.trace.TracedBean;
import dev.holdline.testing.EmbeddedUndertow;
import java.time.Duration;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Runs in {@link WithoutOpenTelemetryTest}'s class loader, which has no OpenTelemetry jar: Weld discovers
 * the module (every class of it is loaded by its scanner), {@code @Traced} and {@code @Logged} beans and
 * both filters answer as usual, and telemetry is a no-op.
 */
public final class WithoutOpenTelemetryScenario implements Runnable {

    @Override
    public void run() {
        try {
            scenario();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void scenario() throws Exception {
        assertFalse(GuardTelemetry.enabled());
        assertTrue(GuardTelemetry.currentTraceId().isEmpty());
        GuardTelemetry.rejected(TestRejection.rateLimited());

        try (LogCapture log = new LogCapture()) {
            WeldContainer weld = new Weld().initialize();
            try {
                TracedBean traced = weld.select(TracedBean.class).get();
                assertEquals("ABC", traced.plain("abc"));
                assertThrows(IllegalStateException.class, traced::fails);
                assertThrows(TestRejection.class, traced::rejects);
                assertEquals("a", weld.select(LoggedBean.class).get().plain("a"));
                assertThrows(TestRejection.class, weld.select(LoggedBean.class).get()::rejects);
            } finally {
                weld.shutdown();
            }
            assertEquals(2, log.lines().size(), log.lines()::toString);
            assertTrue(log.lines().get(0).startsWith("status=- duration_ms="), log.lines()::toString);
            assertTrue(log.lines().get(1).startsWith("status=429 "), log.lines()::toString);
        }

        try (LogCapture log = new LogCapture()) {
            EmbeddedUndertow server = ObservedApp.start(Map.of());
            try {
                assertEquals(200, server.send(server.request("app/ok").header("traceparent",
                        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").build()).statusCode());
                assertEquals(429, server.get("app/reject").statusCode());
                await().atMost(Duration.ofSeconds(10)).until(() -> log.lines().size() == 2);
            } finally {
                server.close();
            }
            for (String line : log.lines()) {
                assertFalse(line.contains("trace_id="), line);
            }
            assertTrue(log.lines().get(1).startsWith("method=GET path=/app/reject status=429 "), log.lines()::toString);
        }
    }
}
