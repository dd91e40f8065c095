package dev.holdline.guard.trace;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The backend over the OpenTelemetry API: the only class of holdline-guard that names an OpenTelemetry
 * type. {@link GuardTelemetry} creates it by reflection, and only once it has found the API, so that no
 * other class can fail to link without it. It has no static state of OpenTelemetry types and implements no
 * OpenTelemetry interface (the propagation getter is a dynamic proxy): a bean scanner that loads it without
 * the API finds nothing to resolve.
 *
 * <p>Tracer and meter come from {@link GlobalOpenTelemetry} (which an OpenTelemetry agent bridges to its
 * own SDK), looked up on first use and again whenever the global instance changes; the module never sets it.
 * Fields only, no static state: the class initialises nothing of OpenTelemetry's before it is created.
 */
final class OpenTelemetryBackend implements TelemetryBackend {

    private final AttributeKey<String> problemKey = AttributeKey.stringKey("holdline.guard.problem");
    private final AttributeKey<Long> statusKey = AttributeKey.longKey("http.response.status_code");
    private final AttributeKey<String> observerKey = AttributeKey.stringKey("holdline.guard.observer");
    private final AttributeKey<String> targetKey = AttributeKey.stringKey("holdline.guard.target");
    private final AttributeKey<String> outcomeKey = AttributeKey.stringKey(GuardTelemetry.OUTCOME_ATTRIBUTE);
    private final TextMapGetter<RequestFields> getter = fieldGetter();

    /**
     * {@code GlobalOpenTelemetry.getOrNoop()} (API 1.57 and later, bridged by the agent) does not, unlike
     * {@code get()}, fix the global instance to a no-op when nothing is registered yet: an application
     * (or a server such as Payara, whose API is shared) may still register its SDK after our first call.
     * With an older API, {@code get()} it is.
     */
    private final boolean hasGetOrNoop = hasMethod("getOrNoop");

    private volatile Instruments instruments;

    /** Tracer and instruments of one global OpenTelemetry instance. */
    private record Instruments(OpenTelemetry openTelemetry, Tracer tracer, LongCounter rejections, DoubleHistogram durations) {

        static Instruments of(OpenTelemetry openTelemetry) {
            Meter meter = openTelemetry.getMeter(GuardTelemetry.SCOPE);
            return new Instruments(openTelemetry, openTelemetry.getTracer(GuardTelemetry.SCOPE),
                    meter.counterBuilder(GuardTelemetry.REJECTIONS_METRIC)
                            .setDescription("Calls and requests refused by a Holdline guard, by problem name")
                            .setUnit("{rejection}")
                            .build(),
                    meter.histogramBuilder(GuardTelemetry.DURATION_METRIC)
                            .setDescription("Duration of calls and requests observed by @Logged, @Traced and their filters")
                            .setUnit("s")
                            .build());
        }
    }

    /** The request's field names and values, as the propagation getter's carrier. */
    private record RequestFields(Iterable<String> names, Function<String, String> field) {
    }

    private Instruments instruments() {
        OpenTelemetry global = hasGetOrNoop ? GlobalOpenTelemetry.getOrNoop() : GlobalOpenTelemetry.get();
        Instruments current = instruments;
        if (current == null || current.openTelemetry() != global) {
            current = Instruments.of(global);
            instruments = current;
        }
        return current;
    }

    private static boolean hasMethod(String name) {
        try {
            GlobalOpenTelemetry.class.getMethod(name);
            return true;
        } catch (NoSuchMethodException absent) {
            return false;
        }
    }

    @Override
    public TelemetrySpan startChild(String name, Map<String, String> attributes) {
        return start(instruments().tracer().spanBuilder(name).setParent(Context.current()).setSpanKind(SpanKind.INTERNAL),
                attributes);
    }

    @Override
    public TelemetrySpan startRequest(String name, Map<String, String> attributes, Iterable<String> fieldNames,
                                      Function<String, String> field) {
        Instruments current = instruments();
        SpanBuilder builder = current.tracer().spanBuilder(name);
        if (Span.current().getSpanContext().isValid()) {
            builder.setParent(Context.current()).setSpanKind(SpanKind.INTERNAL);
        } else {
            Context parent = current.openTelemetry().getPropagators().getTextMapPropagator()
                    .extract(Context.current(), new RequestFields(fieldNames, field), getter);
            builder.setParent(parent).setSpanKind(SpanKind.SERVER);
        }
        return start(builder, attributes);
    }

    private TelemetrySpan start(SpanBuilder builder, Map<String, String> attributes) {
        attributes.forEach(builder::setAttribute);
        return new OtelSpan(builder.startSpan());
    }

    @Override
    public String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    @Override
    public void rejected(String problemName, int status) {
        instruments().rejections().add(1, Attributes.of(problemKey, problemName, statusKey, (long) status));
    }

    @Override
    public void duration(String observer, String target, CallOutcome outcome, long nanos) {
        AttributesBuilder attributes = Attributes.builder()
                .put(observerKey, observer)
                .put(targetKey, target)
                .put(outcomeKey, outcome.label());
        instruments().durations().record(nanos / 1e9, attributes.build());
    }

    private final class OtelSpan implements TelemetrySpan {
        private final Span span;

        OtelSpan(Span span) {
            this.span = span;
        }

        @Override
        public Scope makeCurrent() {
            io.opentelemetry.context.Scope scope = span.makeCurrent();
            return scope::close;
        }

        @Override
        public void attribute(String key, String value) {
            span.setAttribute(key, value);
        }

        @Override
        public void attribute(String key, long value) {
            span.setAttribute(key, value);
        }

        @Override
        public void finish(CallOutcome outcome, Throwable failure, boolean error) {
            span.setAttribute(outcomeKey, outcome.label());
            if (failure != null) {
                span.recordException(failure);
            }
            if (error) {
                span.setStatus(StatusCode.ERROR, failure == null ? "" : failure.getClass().getName());
            }
        }

        @Override
        public void end() {
            span.end();
        }
    }

    /**
     * A {@link TextMapGetter} over {@link RequestFields}, as a dynamic proxy rather than a class of this
     * jar: a class implementing an OpenTelemetry interface would fail to load without the API, and bean
     * scanners load every class of the jar.
     */
    @SuppressWarnings("unchecked")
    private static TextMapGetter<RequestFields> fieldGetter() {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "keys":
                    return args[0] == null ? List.of() : ((RequestFields) args[0]).names();
                case "get":
                    return args[0] == null || args[1] == null ? null : ((RequestFields) args[0]).field().apply((String) args[1]);
                case "toString":
                    return "holdline request field getter";
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    throw new UnsupportedOperationException(method.getName());
            }
        };
        return (TextMapGetter<RequestFields>) Proxy.newProxyInstance(TextMapGetter.class.getClassLoader(),
                new Class<?>[] {TextMapGetter.class}, handler);
    }
}
