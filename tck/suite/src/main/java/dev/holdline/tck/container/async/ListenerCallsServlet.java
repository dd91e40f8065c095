package dev.holdline.tck.container.async;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Deployed: {@code GET /listener-calls?id=X} answers the recorded callbacks, comma-separated;
 * {@code &timed=true} adds when each happened.
 */
@WebServlet("/listener-calls")
public class ListenerCallsServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        String id = request.getParameter("id");
        boolean timed = Boolean.parseBoolean(request.getParameter("timed"));
        response.getWriter().write(String.join(",", timed ? ListenerCalls.timed(id) : ListenerCalls.of(id)));
    }
}
