package dev.holdline.coalesce.servlet;

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
 */
final class ConditionHidingRequest extends HttpServletRequestWrapper {

    private static final List<String> HIDDEN = List.of("if-none-match", "if-modified-since");

    ConditionHidingRequest(HttpServletRequest request) {
        super(request);
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
        visible.removeIf(ConditionHidingRequest::hidden);
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
