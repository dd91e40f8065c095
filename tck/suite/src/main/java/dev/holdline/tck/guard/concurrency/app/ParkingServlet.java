package dev.holdline.tck.guard.concurrency.app;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Deployed behind the concurrency-limit filters: {@code .../park?id=X} parks the request (asynchronous,
 * no thread held) until the test releases it; {@code .../throw} throws; {@code .../timeout} parks with a
 * 500 ms async timeout and leaves the timeout to the container; anything else answers 200 at once.
 */
@WebServlet(urlPatterns = {"/limited/*", "/queued/*", "/impatient/*"}, asyncSupported = true)
public class ParkingServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (action) {
            case "/park" -> {
                AsyncContext async = request.startAsync();
                async.setTimeout(120_000);
                Parked.REQUESTS.put(request.getParameter("id"), async);
            }
            case "/throw" -> throw new IllegalStateException("failure of the servlet");
            case "/timeout" -> request.startAsync().setTimeout(500);
            default -> {
                response.setContentType("text/plain");
                response.getWriter().write("ok");
            }
        }
    }
}
