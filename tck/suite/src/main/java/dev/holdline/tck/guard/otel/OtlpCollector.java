package dev.holdline.tck.guard.otel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.holdline.tck.api.Capability;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The collector the OpenTelemetry agent of the container JVM exports to: WireMock on
 * {@code 127.0.0.1:<}{@value Capability#OTEL_PORT_PROPERTY}{@code >} answering {@code POST /v1/traces}, whose
 * request journal is decoded as OTLP {@code ExportTraceServiceRequest}s.
 */
final class OtlpCollector implements AutoCloseable {

    static final String TRACES = "/v1/traces";

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
        server.stubFor(post(urlEqualTo(TRACES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-protobuf")));
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

        String parentSpanId() {
            return hex(span.getParentSpanId().toByteArray());
        }

        /** The value of the attribute {@code key}, as text ({@code null} if the span has none). */
        String attribute(String key) {
            return span.getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals(key))
                    .findFirst()
                    .map(KeyValue::getValue)
                    .map(OtlpCollector::text)
                    .orElse(null);
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
