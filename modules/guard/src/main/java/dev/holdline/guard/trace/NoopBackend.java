package dev.holdline.guard.trace;

import java.util.Map;
import java.util.function.Function;

/** The backend without the OpenTelemetry API: spans that do nothing, no trace id, no metrics. */
final class NoopBackend implements TelemetryBackend {

    static final NoopBackend INSTANCE = new NoopBackend();

    /** A span that does nothing; also what a failing backend hands out instead of its own. */
    static final TelemetrySpan SPAN = new TelemetrySpan() {
        @Override
        public Scope makeCurrent() {
            return () -> { };
        }

        @Override
        public void attribute(String key, String value) {
        }

        @Override
        public void attribute(String key, long value) {
        }

        @Override
        public void finish(CallOutcome outcome, Throwable failure, boolean error) {
        }

        @Override
        public void end() {
        }
    };

    private NoopBackend() {
    }

    @Override
    public TelemetrySpan startChild(String name, Map<String, String> attributes) {
        return SPAN;
    }

    @Override
    public TelemetrySpan startRequest(String name, Map<String, String> attributes, Iterable<String> fieldNames,
                                      Function<String, String> field) {
        return SPAN;
    }

    @Override
    public String currentTraceId() {
        return null;
    }

    @Override
    public void rejected(String problemName, int status) {
    }

    @Override
    public void duration(String observer, String target, CallOutcome outcome, long nanos) {
    }
}
