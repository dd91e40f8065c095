package dev.holdline.tck.guard.ratelimit.app;

import dev.holdline.guard.ratelimit.RateLimitFilter;
import dev.holdline.guard.ratelimit.RateLimitStats;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Deployed: {@code GET /rl-stats?filter=<filter-name>} answers that rate-limit filter's counters as
 * {@code allowed rejected trackedKeys evicted maxKeys}, or 404 for a filter that is not initialised.
 */
@WebServlet("/rl-stats")
public class StatsServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object filter = getServletContext().getAttribute(RateLimitFilter.CONTEXT_ATTRIBUTE_PREFIX + request.getParameter("filter"));
        response.setContentType("text/plain");
        if (!(filter instanceof RateLimitFilter rateLimit)) {
            response.setStatus(404);
            return;
        }
        RateLimitStats stats = rateLimit.stats();
        response.getWriter().write(stats.allowed() + " " + stats.rejected() + " " + stats.trackedKeys() + " " + stats.evicted()
                + " " + stats.maxKeys());
    }
}
