package dev.holdline.tck.guard.otel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.holdline.tck.api.Capability;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The collector the OpenTelemetry agent of the container JVM exports to: WireMock on
 * {@code 127.0.0.1:<}{@value Capability#OTEL_PORT_PROPERTY}{@code >} answering {@code POST /v1/traces} and
 * {@code POST /v1/metrics}, whose request journal is decoded as OTLP {@code ExportTraceServiceRequest}s and
 * {@code ExportMetricsServiceRequest}s.
 */
final class OtlpCollector implements AutoCloseable {

    static final String TRACES = "/v1/traces";
    static final String METRICS = "/v1/metrics";

    private final WireMockServer server;

    OtlpCollector() {
        String port = System.getProperty(Capability.OTEL_PORT_PROPERTY);
        if (port == null || port.isBlank()) {
            throw new IllegalStateException("The runner declares " + Capability.OTEL_AGENT + " but not the system property "
                    + Capability.OTEL_PORT_PROPERTY + " (the port its agent exports to)");
        }
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(Integer.parseInt(port.trim())));
        server.start();
        // An empty ExportTraceServiceResponse is an empty body: every span accepted.
        for (String path : List.of(TRACES, METRICS)) {
            server.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/x-protobuf")));
        }
    }

    /**
     * A span as exported.
     *
     * @param scope the name of the instrumentation scope (tracer) that made it
     * @param span  the span
     */
    record Exported(String scope, Span span) {

        String spanId() {
            return hex(span.getSpanId().toByteArray());
        }

        String traceId() {
            return hex(span.getTraceId().toByteArray());
        }

        String parentSpanId() {
            return hex(span.getParentSpanId().toByteArray());
        }

        /** The value of the attribute {@code key}, as text ({@code null} if the span has none). */
        String attribute(String key) {
            return OtlpCollector.attribute(span.getAttributesList(), key);
        }

        @Override
        public String toString() {
            return scope + " " + span;
        }
    }

    /** Every span exported so far, in the order received. */
    List<Exported> spans() {
        List<Exported> spans = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            if (!TRACES.equals(event.getRequest().getUrl())) {
                continue;
            }
            try {
                ExportTraceServiceRequest export = ExportTraceServiceRequest.parseFrom(event.getRequest().getBody());
                for (ResourceSpans resource : export.getResourceSpansList()) {
                    for (ScopeSpans scope : resource.getScopeSpansList()) {
                        scope.getSpansList().forEach(span -> spans.add(new Exported(scope.getScope().getName(), span)));
                    }
                }
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError("The agent exported something that is not an OTLP protobuf trace export", e);
            }
        }
        return spans;
    }

    /**
     * The highest value exported so far of the counter {@code name} for the data point whose attributes
     * include {@code attributes} (for a cumulative counter, its current value), or 0 if none was exported.
     */
    long counter(String name, Map<String, String> attributes) {
        long highest = 0;
        for (ServeEvent event : server.getAllServeEvents()) {
            if (!METRICS.equals(event.getRequest().getUrl())) {
                continue;
            }
            try {
                for (ResourceMetrics resource : ExportMetricsServiceRequest.parseFrom(event.getRequest().getBody()).getResourceMetricsList()) {
                    for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                        for (Metric metric : scope.getMetricsList()) {
                            if (!metric.getName().equals(name)) {
                                continue;
                            }
                            for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
                                if (attributes.entrySet().stream().allMatch(wanted -> wanted.getValue()
                                        .equals(attribute(point.getAttributesList(), wanted.getKey())))) {
                                    highest = Math.max(highest, point.getAsInt());
                                }
                            }
                        }
                    }
                }
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError("The agent exported something that is not an OTLP protobuf metrics export", e);
            }
        }
        return highest;
    }

    /** One line per span exported so far ({@code scope kind name traceId}), for failure messages. */
    String summary() {
        StringBuilder lines = new StringBuilder(server.getAllServeEvents().size() + " exports:");
        for (Exported exported : spans()) {
            lines.append("\n  ").append(exported.scope()).append(' ').append(exported.span().getKind()).append(' ')
                    .append(exported.span().getName()).append(' ').append(hex(exported.span().getTraceId().toByteArray()));
        }
        return lines.toString();
    }

    /** The spans of the trace {@code traceId} (32 lower-case hex digits) exported so far. */
    List<Exported> trace(String traceId) {
        return spans().stream().filter(exported -> hex(exported.span().getTraceId().toByteArray()).equals(traceId)).toList();
    }

    /** The value of the attribute {@code key} among {@code attributes}, as text ({@code null} if absent). */
    static String attribute(List<KeyValue> attributes, String key) {
        return attributes.stream()
                .filter(attribute -> attribute.getKey().equals(key))
                .findFirst()
                .map(KeyValue::getValue)
                .map(OtlpCollector::text)
                .orElse(null);
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    /** Lower-case hex, as {@code SpanContext} spells trace and span ids. */
    private static String hex(byte[] id) {
        return HexFormat.of().formatHex(id);
    }

    @Override
    public void close() {
        server.stop();
    }
}
