package dev.holdline.tck.guard.concurrency.app;

import dev.holdline.guard.concurrency.ConcurrencyLimitFilter;
import dev.holdline.guard.concurrency.ConcurrencyLimitStats;
import dev.holdline.guard.concurrency.ConcurrencyLimits;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Deployed, outside every filter: {@code /control/held?prefix=P} counts held requests and calls,
 * {@code /control/release?prefix=P} answers them, {@code /control/stats?filter=F} and
 * {@code /control/stats?method=M} (a {@link LimitedResource} method) answer
 * {@code inFlight queued admitted rejected}, or 404 before first use.
 */
@WebServlet("/control/*")
public class ControlServlet extends HttpServlet {

    @Inject
    ConcurrencyLimits limits;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        String prefix = request.getParameter("prefix");
        switch (request.getPathInfo()) {
            case "/held" -> response.getWriter().write(Long.toString(Parked.count(prefix)));
            case "/release" -> response.getWriter().write(Integer.toString(Parked.release(prefix)));
            case "/stats" -> {
                ConcurrencyLimitStats stats = stats(request);
                if (stats == null) {
                    response.setStatus(404);
                    return;
                }
                response.getWriter().write(stats.inFlight() + " " + stats.queued() + " " + stats.admitted() + " " + stats.rejected());
            }
            default -> response.setStatus(404);
        }
    }

    private ConcurrencyLimitStats stats(HttpServletRequest request) {
        String filter = request.getParameter("filter");
        if (filter != null) {
            Object instance = getServletContext().getAttribute(ConcurrencyLimitFilter.CONTEXT_ATTRIBUTE_PREFIX + filter);
            return instance instanceof ConcurrencyLimitFilter limitFilter ? limitFilter.stats() : null;
        }
        for (java.lang.reflect.Method method : LimitedResource.class.getMethods()) {
            if (method.getName().equals(request.getParameter("method"))) {
                return limits.stats(method);
            }
        }
        return null;
    }
}
