package dev.holdline.tck.coalesce.app;

import dev.holdline.coalesce.CoalescerStats;
import dev.holdline.coalesce.cdi.CoalescedMethods;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Deployed: {@code GET /co-app/stats?method=<name of a Quotes method>} answers that method's counters as
 * {@code executions joins reused timeouts inFlight held}, or {@code 404} before its first call.
 */
@WebServlet("/co-app/stats")
public class StatsServlet extends HttpServlet {

    @Inject
    CoalescedMethods methods;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Method> method = Arrays.stream(Quotes.class.getMethods())
                .filter(candidate -> candidate.getName().equals(request.getParameter("method"))).findFirst();
        CoalescerStats stats = method.map(methods::stats).orElse(null);
        response.setContentType("text/plain");
        if (stats == null) {
            response.setStatus(404);
            return;
        }
        response.getWriter().write(stats.executions() + " " + stats.joins() + " " + stats.reused() + " " + stats.timeouts()
                + " " + stats.inFlight() + " " + stats.held());
    }
}
