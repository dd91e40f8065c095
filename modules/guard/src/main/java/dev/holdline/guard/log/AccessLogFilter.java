package dev.holdline.guard.log;

import dev.holdline.guard.trace.CallOutcome;
import dev.holdline.guard.trace.FilterSetting;
import dev.holdline.guard.trace.GuardTelemetry;
import dev.holdline.guard.trace.RequestCompletion;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The servlet-filter twin of {@link Logged}: one access-log line per request, written when the request
 * is over (for an asynchronous request, when it completes) to the logger {@value AccessLog#LOGGER_NAME}:
 * <pre>
 * method=GET path=/shop/api/orders/7 status=200 duration_ms=12.408 trace_id=4bf92f3577b34da6a3ce929d0e0e4736 outcome=ok filter=access
 * </pre>
 * The path is the request URI as sent, without the query string (which is never logged: it carries
 * tokens). The trace id is the current span's when the request arrives (an OpenTelemetry agent's server
 * span), else the one a {@code TracingFilter} inside this filter made; absent without either. Status 500
 * for a chain that threw before the response was committed. Only REQUEST dispatches are logged.
 *
 * <p>Settings (filter init-param, context init-param, or system property, which wins):
 * {@code holdline.guard.access-log.enabled} (default {@code true}) and
 * {@code holdline.guard.access-log.headers}, a comma-separated list of request headers to add as
 * {@code header.<name>=} fields (default none); credentials, cookies and CSRF tokens are always written
 * as {@code [redacted]} ({@link LoggedHeaders}). Opt-in: nothing registers the filter for you.
 */
public final class AccessLogFilter implements Filter {

    /** {@code false} makes the filter pass every request straight through. */
    public static final String ENABLED = "holdline.guard.access-log.enabled";
    /** Request headers to log, comma-separated. */
    public static final String HEADERS = "holdline.guard.access-log.headers";

    static final String OBSERVER = "access-log";

    private boolean enabled = true;
    private LoggedHeaders headers = LoggedHeaders.none();
    private String name = "AccessLogFilter";

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        try {
            FilterSetting settings = new FilterSetting(filterConfig);
            enabled = settings.getBoolean(ENABLED, true);
            headers = settings.get(HEADERS, LoggedHeaders.none(), "a comma-separated list of request header names",
                    LoggedHeaders::parse);
        } catch (IllegalArgumentException invalid) {
            throw new ServletException(invalid.getMessage(), invalid);
        }
        name = filterConfig.getFilterName();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!enabled || req.getDispatcherType() != DispatcherType.REQUEST
                || !(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        long start = System.nanoTime();
        String method = request.getMethod();
        String path = request.getRequestURI();
        String traceId = GuardTelemetry.currentTraceId().orElse(null);
        Map<String, String> logged = new LinkedHashMap<>();
        for (String header : headers.names()) {
            logged.put(header, LoggedHeaders.logged(header, request.getHeader(header)));
        }
        Throwable failure = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error thrown) {
            failure = thrown;
            throw thrown;
        } finally {
            String knownTraceId = traceId != null ? traceId : request.getAttribute(GuardTelemetry.TRACE_ID_ATTRIBUTE) instanceof String inner ? inner : null;
            RequestCompletion.afterChain(request, response, failure, (status, failed) -> {
                long nanos = System.nanoTime() - start;
                CallOutcome outcome = failed != null || status >= 500 ? CallOutcome.ERROR : CallOutcome.OK;
                GuardTelemetry.duration(OBSERVER, name, outcome, nanos);
                if (AccessLog.enabled()) {
                    AccessLogLine line = new AccessLogLine()
                            .field("method", method)
                            .field("path", path)
                            .field("status", status)
                            .field("duration_ms", AccessLog.millis(nanos))
                            .field("trace_id", knownTraceId)
                            .field("outcome", outcome.label())
                            .field("exception", failed == null ? null : failed.getClass().getName())
                            .field("filter", name);
                    logged.forEach((header, value) -> line.field("header." + header, value));
                    AccessLog.write(line);
                }
            });
        }
    }
}
