package dev.holdline.tck.container.async;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deployed: {@code GET /park?id=X[&timeout=ms]} parks the request and never completes it, leaving
 * the outcome to the container (without {@code timeout} the container's default applies);
 * {@code GET /parked?id=X} answers the async timeout that parked request had, or 404 if it was not
 * parked. Callbacks are recorded in {@link ListenerCalls}.
 */
@WebServlet(urlPatterns = {"/park", "/parked"}, asyncSupported = true)
public class ParkServlet extends HttpServlet {

    private final Map<String, Long> parked = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        if ("/parked".equals(request.getServletPath())) {
            Long timeout = parked.get(id);
            if (timeout == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType("text/plain");
            response.getWriter().write(Long.toString(timeout));
            return;
        }
        AsyncContext async = request.startAsync();
        String timeout = request.getParameter("timeout");
        if (timeout != null) {
            async.setTimeout(Long.parseLong(timeout));
        }
        async.addListener(ListenerCalls.recorder(id, () -> { }));
        parked.put(id, async.getTimeout());
    }
}
