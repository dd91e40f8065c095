package dev.holdline.guard.trace;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The servlet-filter twin of {@link Traced}: one span per request, named {@code <METHOD> <context path>},
 * current while the rest of the chain runs (so {@code @Traced} beans and the access log below it see it).
 * With an OpenTelemetry agent the span is an {@code INTERNAL} child of the agent's server span; without a
 * current span (an application that registered its own SDK as the global instance) it is a {@code SERVER}
 * span whose parent is taken from the request's {@code traceparent} by the global propagators. Without the
 * OpenTelemetry API the filter only passes requests on.
 *
 * <p>Attributes: {@code http.request.method}, {@code url.path} (no query), {@code http.response.status_code},
 * {@code holdline.guard.outcome}; status error for a 5xx answer or a chain that threw. A request that goes
 * asynchronous keeps its span open until it completes. Only REQUEST dispatches are traced.
 *
 * <p>Setting (filter init-param, context init-param or system property): {@code holdline.guard.tracing.enabled},
 * default {@code true}. Opt-in: nothing registers the filter for you.
 */
public final class TracingFilter implements Filter {

    /** {@code false} makes the filter pass every request straight through. */
    public static final String ENABLED = "holdline.guard.tracing.enabled";

    static final String OBSERVER = "tracing";

    private boolean enabled = true;
    private String name = "TracingFilter";

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        try {
            enabled = new FilterSetting(filterConfig).getBoolean(ENABLED, true);
        } catch (IllegalArgumentException invalid) {
            throw new ServletException(invalid.getMessage(), invalid);
        }
        name = filterConfig.getFilterName();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!enabled || !GuardTelemetry.enabled() || req.getDispatcherType() != DispatcherType.REQUEST
                || !(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("http.request.method", request.getMethod());
        attributes.put("url.path", request.getRequestURI());
        String contextPath = request.getContextPath();
        TelemetrySpan span = GuardTelemetry.startRequest(request.getMethod() + " " + (contextPath.isEmpty() ? "/" : contextPath),
                attributes, () -> Collections.list(request.getHeaderNames()).iterator(), request::getHeader);
        long start = System.nanoTime();
        Throwable failure = null;
        try (TelemetrySpan.Scope ignored = span.makeCurrent()) {
            GuardTelemetry.currentTraceId().ifPresent(traceId -> request.setAttribute(GuardTelemetry.TRACE_ID_ATTRIBUTE, traceId));
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error thrown) {
            failure = thrown;
            throw thrown;
        } finally {
            RequestCompletion.afterChain(request, response, failure, (status, failed) -> {
                span.attribute("http.response.status_code", status);
                CallOutcome outcome = failed != null || status >= 500 ? CallOutcome.ERROR : CallOutcome.OK;
                span.finish(outcome, failed, outcome == CallOutcome.ERROR);
                span.end();
                GuardTelemetry.duration(OBSERVER, name, outcome, System.nanoTime() - start);
            });
        }
    }
}
