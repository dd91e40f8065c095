package dev.holdline.tck.guard.trace.app;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Deployed: {@code /plain/*} answers 200 {@code plain <path>}; {@code /plain/async/*} goes asynchronous and
 * answers 202 {@code async <path>} from another thread. Behind the filters under test.
 */
@WebServlet(urlPatterns = "/plain/*", asyncSupported = true)
public class PlainServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        response.setContentType("text/plain");
        if (!path.startsWith("/async/")) {
            response.getWriter().write("plain " + path);
            return;
        }
        AsyncContext async = request.startAsync();
        async.start(() -> {
            try {
                HttpServletResponse later = (HttpServletResponse) async.getResponse();
                later.setStatus(202);
                later.getWriter().write("async " + path);
            } catch (IOException e) {
                ((HttpServletResponse) async.getResponse()).setStatus(500);
            } finally {
                async.complete();
            }
        });
    }
}
