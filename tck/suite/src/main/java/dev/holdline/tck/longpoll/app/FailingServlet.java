package dev.holdline.tck.longpoll.app;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Deployed: a long-poll endpoint that is down, then recovers. {@code GET /lp-app/failing/<topic>} is
 * answered {@code 500} until {@code POST /lp-app/failing?recover=true}; from then on it is handed to the
 * long-poll servlet (by name, so its path info still names the topic), as a server that came back would.
 */
@WebServlet(urlPatterns = "/lp-app/failing/*", asyncSupported = true)
public class FailingServlet extends HttpServlet {

    private volatile boolean recovered;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!recovered) {
            Text.write(response, 500, "down for the test");
            return;
        }
        RequestDispatcher longPoll = getServletContext().getNamedDispatcher("holdline-longpoll");
        longPoll.forward(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        recovered = Boolean.parseBoolean(request.getParameter("recover"));
        Text.write(response, 200, Boolean.toString(recovered));
    }
}
