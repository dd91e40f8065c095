package dev.holdline.reply;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/**
 * {@link ExecutionTelemetry} over the OpenTelemetry API: the only class of holdline-reply that names an
 * OpenTelemetry type, created by reflection once the API is known to be there. The tracer comes from
 * {@link GlobalOpenTelemetry} (which an agent bridges to its SDK); the module never sets it.
 */
final class OpenTelemetryExecution implements ExecutionTelemetry {

    /** The instrumentation scope. */
    static final String SCOPE = "dev.holdline.reply";

    // getOrNoop (API 1.57+) does not pin the global instance to a no-op before an SDK registers; get() does.
    private final boolean hasGetOrNoop = hasGetOrNoop();

    private static boolean hasGetOrNoop() {
        try {
            GlobalOpenTelemetry.class.getMethod("getOrNoop");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Override
    public Object submitterContext() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context : null;
    }

    @Override
    public ExecutionSpan start(String kind, String operationId, Object submitter) {
        OpenTelemetry global = hasGetOrNoop ? GlobalOpenTelemetry.getOrNoop() : GlobalOpenTelemetry.get();
        var builder = global.getTracer(SCOPE).spanBuilder("operation " + kind)
                .setNoParent()
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute("holdline.reply.operation.id", operationId)
                .setAttribute("holdline.reply.kind", kind);
        if (submitter instanceof SpanContext linked) {
            builder.addLink(linked);
        }
        Span span = builder.startSpan();
        Scope scope = span.makeCurrent();
        return status -> {
            span.setAttribute("holdline.reply.status", status == null ? "unknown" : status.name());
            if (status == OperationStatus.Failed) {
                span.setStatus(StatusCode.ERROR);
            }
            scope.close();
            span.end();
        };
    }
}
