package dev.holdline.reply;

import dev.holdline.http.OptionalApi;

/**
 * Traces the execution of operations: each run gets its own span, linked to the span of the request
 * that submitted it (the run happens after that request has ended, so it is a link, not a parent).
 * The OpenTelemetry API is optional: without it, {@link #INSTANCE} does nothing.
 */
interface ExecutionTelemetry {

    /** The telemetry in use: OpenTelemetry when its API is on the class path, else none. */
    ExecutionTelemetry INSTANCE = OptionalApi.load(ExecutionTelemetry.class, "io.opentelemetry.api.GlobalOpenTelemetry",
            "dev.holdline.reply.OpenTelemetryExecution", ExecutionTelemetry.class.getClassLoader(), new None(),
            "holdline-reply tracing");

    /** @return the current span's context, to link the execution to, or null */
    Object submitterContext();

    /**
     * Starts the execution's span and makes it current on this thread until it ends.
     *
     * @param kind        the operation's kind
     * @param operationId the operation's id
     * @param submitter   what {@link #submitterContext()} returned at submission, or null
     * @return the span, to end on the same thread
     */
    ExecutionSpan start(String kind, String operationId, Object submitter);

    /** A started execution span. */
    interface ExecutionSpan {
        /** @param status how the run ended; ends the span and leaves the thread's context as it was */
        void end(OperationStatus status);
    }

    /** No tracing. */
    final class None implements ExecutionTelemetry {
        private static final ExecutionSpan NO_SPAN = status -> { };

        @Override
        public Object submitterContext() {
            return null;
        }

        @Override
        public ExecutionSpan start(String kind, String operationId, Object submitter) {
            return NO_SPAN;
        }
    }
}
