package dev.holdline.guard.trace;

/**
 * A started span seen through {@link GuardTelemetry}, so that callers never touch an OpenTelemetry type.
 * Not thread-safe beyond what the OpenTelemetry span itself guarantees; end it once.
 */
interface TelemetrySpan {

    /** Makes the span current on this thread until the returned scope is closed. */
    Scope makeCurrent();

    /** Sets a string attribute. */
    void attribute(String key, String value);

    /** Sets an integer attribute. */
    void attribute(String key, long value);

    /**
     * Records how the call ended: the outcome attribute, the exception (as an event) and, for
     * {@code error}, the error status.
     */
    void finish(CallOutcome outcome, Throwable failure, boolean error);

    /** Ends the span. */
    void end();

    /** A current-span scope that closes without a checked exception. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
