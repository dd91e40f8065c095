package dev.holdline.guard.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Collection;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rejection counter and the duration histogram, read from an SDK registered as the global instance
 * for this class only (the instruments follow a change of the global instance).
 */
class GuardMetricsTest {

    private static final InMemoryMetricReader READER = InMemoryMetricReader.create();
    private static OpenTelemetrySdk sdk;
    private static WeldContainer weld;

    @BeforeAll
    static void boot() {
        sdk = OpenTelemetrySdk.builder().setMeterProvider(SdkMeterProvider.builder().registerMetricReader(READER).build()).build();
        GlobalOpenTelemetry.resetForTest();
        GlobalOpenTelemetry.set(sdk);
        weld = new Weld().initialize();
    }

    @AfterAll
    static void shutdown() {
        weld.shutdown();
        GlobalOpenTelemetry.resetForTest();
        sdk.close();
    }

    @Test
    void durationsAndRejectionsAreMeasured() {
        weld.select(TracedBean.class).get().plain("x");
        GuardTelemetry.rejected(TestRejection.rateLimited());
        GuardTelemetry.rejected(TestRejection.rateLimited());
        GuardTelemetry.rejected(TestRejection.deadlineExceeded());
        Collection<MetricData> metrics = READER.collectAllMetrics();

        MetricData durations = metric(metrics, GuardTelemetry.DURATION_METRIC);
        assertEquals("s", durations.getUnit());
        HistogramPointData point = durations.getHistogramData().getPoints().iterator().next();
        assertEquals(1, point.getCount());
        assertEquals(TracedBean.class.getName() + ".plain", point.getAttributes().get(AttributeKey.stringKey("holdline.guard.target")));
        assertEquals("traced", point.getAttributes().get(AttributeKey.stringKey("holdline.guard.observer")));
        assertEquals("ok", point.getAttributes().get(AttributeKey.stringKey(GuardTelemetry.OUTCOME_ATTRIBUTE)));

        Collection<LongPointData> rejections = metric(metrics, GuardTelemetry.REJECTIONS_METRIC).getLongSumData().getPoints();
        assertEquals(2, count(rejections, "rate-limited", 429));
        assertEquals(1, count(rejections, "deadline-exceeded", 503));
    }

    private static long count(Collection<LongPointData> points, String problem, long status) {
        return points.stream()
                .filter(p -> problem.equals(p.getAttributes().get(AttributeKey.stringKey("holdline.guard.problem")))
                        && Long.valueOf(status).equals(p.getAttributes().get(AttributeKey.longKey("http.response.status_code"))))
                .mapToLong(LongPointData::getValue).sum();
    }

    private static MetricData metric(Collection<MetricData> metrics, String name) {
        return metrics.stream().filter(metric -> metric.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + metrics));
    }
}
