package dev.holdline.tck.container.async;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Deployed: parks each request with {@code AsyncContext.setTimeout(ms)} and never completes it; the
 * listener answers from {@code onTimeout} with 503, {@code Retry-After: 1} and a short body, the way
 * Holdline modules answer their own deadlines.
 */
@WebServlet(urlPatterns = "/timeout", asyncSupported = true)
public class TimeoutServlet extends HttpServlet {

    /** Body written inside {@code onTimeout}. */
    public static final String BODY = "answered by onTimeout";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        AsyncContext async = request.startAsync();
        async.setTimeout(Long.parseLong(request.getParameter("ms")));
        async.addListener(ListenerCalls.recorder(request.getParameter("id"), () -> answer(async)));
    }

    private static void answer(AsyncContext async) {
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setContentType("text/plain");
        try {
            response.getWriter().write(BODY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        async.complete();
    }
}
