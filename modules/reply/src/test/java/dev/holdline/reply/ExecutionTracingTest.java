package dev.holdline.reply;

import dev.holdline.reply.store.InMemoryOperationStore;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** An operation's run is a span of its own, current while the task runs, linked to the submitter's span. */
class ExecutionTracingTest {

    private static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();
    private static OpenTelemetrySdk sdk;

    @BeforeAll
    static void registerSdk() {
        GlobalOpenTelemetry.resetForTest();
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(EXPORTER)).build())
                .buildAndRegisterGlobal();
    }

    @AfterAll
    static void unregisterSdk() {
        sdk.close();
        GlobalOpenTelemetry.resetForTest();
    }

    @Test
    void theRunIsASpanLinkedToTheSubmittersSpan() {
        ReplyRuntime runtime = TestRuntimes.start(TestRuntimes.settings("node-a", 2, 10), new InMemoryOperationStore());
        try {
            AtomicReference<SpanContext> duringTask = new AtomicReference<>();
            Span request = sdk.getTracer("test").spanBuilder("POST /exports").startSpan();
            Operation op;
            try (Scope ignored = request.makeCurrent()) {
                op = runtime.operations().submit(Submission.of("export", null, (input, progress) -> {
                    duringTask.set(Span.current().getSpanContext());
                    return OperationOutcome.done();
                }));
            } finally {
                request.end();
            }
            String id = op.id();
            SpanData run = await().atMost(Duration.ofSeconds(10)).until(
                    () -> EXPORTER.getFinishedSpanItems().stream().filter(s -> s.getName().equals("operation export")).toList(),
                    list -> !list.isEmpty()).get(0);
            assertEquals(id, run.getAttributes().asMap().entrySet().stream()
                    .filter(e -> e.getKey().getKey().equals("holdline.reply.operation.id")).findFirst().orElseThrow().getValue());
            assertEquals("Succeeded", run.getAttributes().asMap().entrySet().stream()
                    .filter(e -> e.getKey().getKey().equals("holdline.reply.status")).findFirst().orElseThrow().getValue());
            List<SpanContext> links = run.getLinks().stream().map(link -> link.getSpanContext()).toList();
            assertEquals(List.of(request.getSpanContext()), links, "linked to the submitting request's span");
            assertNotEquals(request.getSpanContext().getTraceId(), run.getTraceId(), "a trace of its own, not a child");
            assertEquals(run.getSpanId(), duringTask.get().getSpanId(), "current while the task runs");
        } finally {
            runtime.close();
        }
    }
}
