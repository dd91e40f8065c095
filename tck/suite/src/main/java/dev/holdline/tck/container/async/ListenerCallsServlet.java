package dev.holdline.tck.container.async;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Deployed: {@code GET /listener-calls?id=X} answers the recorded callbacks, comma-separated. */
@WebServlet("/listener-calls")
public class ListenerCallsServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(String.join(",", ListenerCalls.of(request.getParameter("id"))));
    }
}
