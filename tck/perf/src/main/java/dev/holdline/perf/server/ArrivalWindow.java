package dev.holdline.perf.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * When the requests of a coalescing burst reach the server: the first and last arrival (server clock)
 * since the last reset. The filter runs first on {@code /quote/*}; {@code GET /arrivals} answers
 * {@code {"count":N,"spreadMillis":S}} and starts a new window. It separates the time a burst takes to
 * arrive (the driver's and the container's cost) from what the coalescing filter does with it: requests
 * arriving after the first execution completed must run a new one.
 */
public final class ArrivalWindow {

    private final LongAccumulator first = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator last = new LongAccumulator(Math::max, Long.MIN_VALUE);
    private final LongAdder count = new LongAdder();

    /** The filter that records each request's arrival, then passes it on. */
    public Filter recorder() {
        return new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                long now = System.nanoTime();
                first.accumulate(now);
                last.accumulate(now);
                count.increment();
                chain.doFilter(request, response);
            }
        };
    }

    /** {@code GET /arrivals}: the window so far, then a new one. */
    public HttpServlet reporter() {
        return new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                long n = count.sumThenReset();
                long spread = n == 0 ? 0 : last.getThenReset() - first.getThenReset();
                byte[] body = ("{\"count\":" + n + ",\"spreadMillis\":" + String.format(java.util.Locale.ROOT, "%.1f", spread / 1e6) + "}")
                        .getBytes(StandardCharsets.US_ASCII);
                response.setContentType("application/json");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        };
    }
}
