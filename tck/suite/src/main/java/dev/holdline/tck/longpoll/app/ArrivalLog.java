package dev.holdline.tck.longpoll.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Deployed: notes when each request to the long-poll endpoint or to {@link FailingServlet} arrives and,
 * when it is answered before the filter returns (a refusal), its status and {@code Retry-After}, so that
 * a test can see how a client paces its requests. {@code GET /lp-app/arrivals?path=/events/t} lists the
 * arrivals for one path, one per line: {@code <milliseconds since the first arrival of the application>
 * <status or -1 if still open> <Retry-After or ->}.
 */
@WebFilter(urlPatterns = {"/events/*", "/lp-app/failing/*", "/lp-app/arrivals"}, asyncSupported = true)
public class ArrivalLog extends HttpFilter {

    private record Arrival(String path, long nanos, int status, String retryAfter) {
    }

    private final List<Arrival> arrivals = new ArrayList<>();
    private final long origin = System.nanoTime();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/lp-app/arrivals")) {
            list(request.getParameter("path"), response);
            return;
        }
        long arrived = System.nanoTime();
        chain.doFilter(request, response);
        boolean open = request.isAsyncStarted();
        Arrival arrival = new Arrival(path, arrived, open ? -1 : response.getStatus(),
                open ? null : response.getHeader("Retry-After"));
        synchronized (arrivals) {
            arrivals.add(arrival);
        }
    }

    private void list(String path, HttpServletResponse response) throws IOException {
        StringBuilder lines = new StringBuilder();
        synchronized (arrivals) {
            for (Arrival arrival : arrivals) {
                if (arrival.path().equals(path)) {
                    lines.append(TimeUnit.NANOSECONDS.toMillis(arrival.nanos() - origin)).append(' ')
                            .append(arrival.status()).append(' ')
                            .append(arrival.retryAfter() == null ? "-" : arrival.retryAfter()).append('\n');
                }
            }
        }
        Text.write(response, 200, lines.toString());
    }
}
