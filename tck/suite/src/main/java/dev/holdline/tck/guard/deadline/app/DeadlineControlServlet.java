package dev.holdline.tck.guard.deadline.app;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Deployed, outside the deadline filter: {@code /dl-control/release?id=X} lets held code go on;
 * {@code /dl-control/complete-late?id=X} writes to a parked request's response and completes it, as late
 * application code would, recording whether that failed; {@code /dl-control/outcome?id=X} answers what
 * late code recorded, or 404 while it has recorded nothing.
 */
@WebServlet("/dl-control/*")
public class DeadlineControlServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        response.setContentType("text/plain");
        switch (request.getPathInfo()) {
            case "/release" -> Held.release(id);
            case "/complete-late" -> {
                AsyncContext async = Held.REQUESTS.remove(id);
                try {
                    async.getResponse().getWriter().write("late output");
                    async.getResponse().flushBuffer();
                    async.complete();
                    Held.OUTCOMES.put(id, "completed late without error");
                } catch (IOException | RuntimeException e) {
                    Held.OUTCOMES.put(id, "failed: " + e);
                }
            }
            case "/outcome" -> {
                String outcome = Held.OUTCOMES.get(id);
                if (outcome == null) {
                    response.setStatus(404);
                } else {
                    response.getWriter().write(outcome);
                }
            }
            default -> response.setStatus(404);
        }
    }
}
