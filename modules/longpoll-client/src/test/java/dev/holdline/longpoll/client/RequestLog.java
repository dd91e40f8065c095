package dev.holdline.longpoll.client;

import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A filter in the test deployment that records every request reaching the application, so tests can
 * count the client's requests and time them on the server's side.
 */
final class RequestLog implements Filter {

    /**
     * One request.
     *
     * @param arrivedNanos {@link System#nanoTime()} when it reached the filter
     * @param status       the status when answered without parking, else 0
     * @param retryAfter   the {@code Retry-After} answered without parking, else null
     */
    record Entry(String pathAndQuery, String prefer, long arrivedNanos, int status, String retryAfter) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /** Adds this filter in front of everything in the deployment. */
    /** Adds this log as a filter in front of every request of {@code deployment}. */
    DeploymentInfo installIn(DeploymentInfo deployment) {
        return deployment
                .addFilter(Servlets.filter("request-log", RequestLog.class, new ImmediateInstanceFactory<>(this))
                        .setAsyncSupported(true))
                .addFilterUrlMapping("request-log", "/*", DispatcherType.REQUEST);
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Requests to one topic, in arrival order. */
    List<Entry> to(String topic) {
        return entries.stream().filter(e -> e.pathAndQuery().startsWith("/events/" + topic)
                && (e.pathAndQuery().length() == ("/events/" + topic).length()
                || e.pathAndQuery().charAt(("/events/" + topic).length()) == '?')).toList();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long arrived = System.nanoTime();
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        chain.doFilter(req, res);
        boolean parked = request.isAsyncStarted();
        entries.add(new Entry(target, request.getHeader("Prefer"), arrived, parked ? 0 : response.getStatus(),
                parked ? null : response.getHeader("Retry-After")));
    }
}
