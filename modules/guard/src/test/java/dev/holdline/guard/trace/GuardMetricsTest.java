package dev.holdline.guard.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.holdline.guard.GuardResponses;
import dev.holdline.http.HoldlineConfig;
import dev.holdline.http.ProblemTypes;
import dev.holdline.testing.EmbeddedUndertow;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
        long limitedBefore = count(rejections(), "rate-limited", 429);
        long expiredBefore = count(rejections(), "deadline-exceeded", 503);
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
        assertEquals(limitedBefore + 2, count(rejections, "rate-limited", 429));
        assertEquals(expiredBefore + 1, count(rejections, "deadline-exceeded", 503));
    }

    @Test
    void aRejectionWrittenByAFilterIsCountedOnce() throws Exception {
        DeploymentInfo deployment = EmbeddedUndertow.deployment();
        deployment.addServlet(Servlets.servlet("reject", RejectingServlet.class).addMapping("/reject"));
        long before = count(rejections(), "deadline-exceeded", 503);
        try (EmbeddedUndertow server = EmbeddedUndertow.start(deployment)) {
            assertEquals(503, server.get("reject").statusCode());
        }
        assertEquals(before + 1, count(rejections(), "deadline-exceeded", 503));
    }

    private static Collection<LongPointData> rejections() {
        return READER.collectAllMetrics().stream().filter(metric -> metric.getName().equals(GuardTelemetry.REJECTIONS_METRIC))
                .flatMap(metric -> metric.getLongSumData().getPoints().stream()).toList();
    }

    /** Answers every request with a {@code deadline-exceeded} rejection, as a guard's filter does. */
    public static final class RejectingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            GuardResponses.write(request, response, TestRejection.deadlineExceeded(),
                    ProblemTypes.fromConfig(HoldlineConfig.systemPropertiesOnly()));
        }
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
