package dev.holdline.tck.guard.ratelimit.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deployed: answers every request under {@code /rl/} with {@code 200 ok}, behind the rate-limit filters
 * that web.xml maps there, and {@code GET /rl-runs} with how many requests it answered.
 */
@WebServlet({"/rl/*", "/rl-runs"})
public class OkServlet extends HttpServlet {

    private static final AtomicLong RUNS = new AtomicLong();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        if (request.getServletPath().equals("/rl-runs")) {
            response.getWriter().write(Long.toString(RUNS.get()));
            return;
        }
        RUNS.incrementAndGet();
        response.getWriter().write("ok");
    }
}
