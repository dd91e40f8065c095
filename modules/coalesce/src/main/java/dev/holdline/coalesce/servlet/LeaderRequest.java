package dev.holdline.coalesce.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The leader's request as its chain sees it: without {@code If-None-Match} (and the
 * {@code If-Modified-Since} that it overrides), so that the application answers the full representation
 * that every follower can share, never a 304 that only fits the leader. The filter then answers the
 * leader's own condition from the captured response, as it does each follower's.
 *
 * <p>It also notes whether the chain started asynchronous processing through it: an application may start
 * and complete the async cycle before its call returns, after which {@code isAsyncStarted()} is false
 * again although the answer was (or is being) written from another thread.
 */
final class LeaderRequest extends HttpServletRequestWrapper {

    private static final List<String> HIDDEN = List.of("if-none-match", "if-modified-since");

    private volatile boolean asyncStarted;

    LeaderRequest(HttpServletRequest request) {
        super(request);
    }

    /** Whether the chain went asynchronous, even if it has completed since. */
    boolean wentAsync() {
        return asyncStarted || isAsyncStarted();
    }

    @Override
    public AsyncContext startAsync() {
        asyncStarted = true;
        return super.startAsync();
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        asyncStarted = true;
        return super.startAsync(request, response);
    }

    private static boolean hidden(String name) {
        return name != null && HIDDEN.stream().anyMatch(name::equalsIgnoreCase);
    }

    @Override
    public String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        Enumeration<String> names = super.getHeaderNames();
        if (names == null) {
            return null;
        }
        List<String> visible = Collections.list(names);
        visible.removeIf(LeaderRequest::hidden);
        return Collections.enumeration(visible);
    }

    @Override
    public long getDateHeader(String name) {
        return hidden(name) ? -1 : super.getDateHeader(name);
    }

    @Override
    public int getIntHeader(String name) {
        return hidden(name) ? -1 : super.getIntHeader(name);
    }
}
