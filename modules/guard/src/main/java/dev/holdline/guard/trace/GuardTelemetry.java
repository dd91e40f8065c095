package dev.holdline.guard.trace;

import dev.holdline.guard.GuardRejectedException;
import dev.holdline.http.OptionalApi;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one door of holdline-guard to OpenTelemetry: spans for {@link Traced} and {@link TracingFilter},
 * the trace id for the access log, the rejection counter and the duration histogram.
 *
 * <p>The OpenTelemetry API is an optional dependency. This class looks for it once, with the module's own
 * class loader, and otherwise uses a no-op backend: spans do nothing, there is no trace id, nothing is
 * counted, and no {@link NoClassDefFoundError} can happen, because no class but the reflectively created
 * {@code OpenTelemetryBackend} names an OpenTelemetry type. The module never sets
 * {@code GlobalOpenTelemetry} and bundles no SDK: with the OpenTelemetry Java agent, or an application
 * that registers its SDK as the global instance, the telemetry goes wherever that SDK exports it.
 *
 * <p>Names (docs/guard.md, "Tracing and metrics"): instrumentation scope {@value #SCOPE}; counter
 * {@value #REJECTIONS_METRIC} with {@code holdline.guard.problem} and {@code http.response.status_code};
 * histogram {@value #DURATION_METRIC} (seconds) with {@code holdline.guard.observer},
 * {@code holdline.guard.target} and {@value #OUTCOME_ATTRIBUTE}.
 */
public final class GuardTelemetry {

    /** The instrumentation scope of the tracer and the meter. */
    public static final String SCOPE = "dev.holdline.guard";
    /** The counter of rejections answered by a guard. */
    public static final String REJECTIONS_METRIC = "holdline.guard.rejections";
    /** The histogram of observed call and request durations, in seconds. */
    public static final String DURATION_METRIC = "holdline.guard.duration";
    /** Span and metric attribute: {@code ok}, {@code rejected} or {@code error}. */
    public static final String OUTCOME_ATTRIBUTE = "holdline.guard.outcome";

    /**
     * Request attribute in which {@link TracingFilter} leaves the trace id of its span, for an access-log
     * filter mapped outside it (which no longer sees the span as current when it writes its line).
     */
    public static final String TRACE_ID_ATTRIBUTE = "dev.holdline.guard.trace.id";

    private static final String API_PROBE = "io.opentelemetry.api.GlobalOpenTelemetry";
    private static final String BACKEND = "dev.holdline.guard.trace.OpenTelemetryBackend";
    private static final System.Logger LOG = System.getLogger(GuardTelemetry.class.getName());
    private static final TelemetryBackend BACKEND_IN_USE = chooseBackend();

    private GuardTelemetry() {
    }

    private static TelemetryBackend chooseBackend() {
        return OptionalApi.load(TelemetryBackend.class, API_PROBE, BACKEND, GuardTelemetry.class.getClassLoader(),
                NoopBackend.INSTANCE, "holdline-guard tracing and metrics");
    }

    /** Whether the OpenTelemetry API was found and is used (else everything here is a no-op). */
    public static boolean enabled() {
        return BACKEND_IN_USE != NoopBackend.INSTANCE;
    }

    /** The trace id (32 hex digits) of the current span, if the API is present and the span is valid. */
    public static Optional<String> currentTraceId() {
        try {
            return Optional.ofNullable(BACKEND_IN_USE.currentTraceId());
        } catch (RuntimeException | LinkageError failure) {
            return Optional.empty();
        }
    }

    /** Counts a rejection that a guard answered (called where the answer is written, once per rejection). */
    public static void rejected(GuardRejectedException rejection) {
        try {
            BACKEND_IN_USE.rejected(rejection.problemName(), rejection.status());
        } catch (RuntimeException | LinkageError failure) {
            ignore(failure);
        }
    }

    /**
     * Records the duration of one observed call or request.
     *
     * @param observer what observed it: {@code logged}, {@code traced}, {@code access-log} or {@code tracing}
     * @param target   the bean method ({@code Class.method}) or the filter's name
     */
    public static void duration(String observer, String target, CallOutcome outcome, long nanos) {
        try {
            BACKEND_IN_USE.duration(observer, target, outcome, nanos);
        } catch (RuntimeException | LinkageError failure) {
            ignore(failure);
        }
    }

    static TelemetrySpan startChild(String name, Map<String, String> attributes) {
        try {
            return BACKEND_IN_USE.startChild(name, attributes);
        } catch (RuntimeException | LinkageError failure) {
            ignore(failure);
            return NoopBackend.SPAN;
        }
    }

    static TelemetrySpan startRequest(String name, Map<String, String> attributes, Iterable<String> fieldNames,
                                      Function<String, String> field) {
        try {
            return BACKEND_IN_USE.startRequest(name, attributes, fieldNames, field);
        } catch (RuntimeException | LinkageError failure) {
            ignore(failure);
            return NoopBackend.SPAN;
        }
    }

    private static void ignore(Throwable failure) {
        // Telemetry must never change the answer of the call it observes.
        LOG.log(System.Logger.Level.DEBUG, "holdline-guard: telemetry failed", failure);
    }
}
