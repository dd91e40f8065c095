package dev.holdline.guard.trace;

import java.util.Map;
import java.util.function.Function;

/**
 * What {@link GuardTelemetry} needs from OpenTelemetry. Two implementations: one that talks to the
 * OpenTelemetry API (the only class of the module that names an OpenTelemetry type) and a no-op one
 * used when the API is not on the class path.
 */
interface TelemetryBackend {

    /** A span named {@code name}, a child of the current span ({@code INTERNAL}). */
    TelemetrySpan startChild(String name, Map<String, String> attributes);

    /**
     * A span for an incoming request: a child ({@code INTERNAL}) of the current span when there is one
     * (an agent's server span), else a {@code SERVER} span whose parent is extracted from the request's
     * fields by the global propagators.
     */
    TelemetrySpan startRequest(String name, Map<String, String> attributes, Iterable<String> fieldNames,
                               Function<String, String> field);

    /** The trace id of the current span if it is valid, else {@code null}. */
    String currentTraceId();

    /** Counts one rejection answered by a guard. */
    void rejected(String problemName, int status);

    /** Records the duration of one observed call or request. */
    void duration(String observer, String target, CallOutcome outcome, long nanos);
}
