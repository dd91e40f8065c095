package dev.holdline.perf.server;

import dev.holdline.longpoll.LongPollRuntime;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /stats[?gc=true]}: one flat JSON object with the parked counts (Holdline, bare, bare-direct, blocking), heap
 * used (after full collections with {@code gc=true}), live threads and request threads inside
 * {@code service()}. Served on the control port, whose threads are not the measured pool.
 */
public final class StatsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient BareAsyncServlet bare;
    private final transient BareAsyncServlet bareDirect;
    private final transient BlockingServlet blocking;
    private final int requestThreadsMax;
    private final transient ServerStats stats = new ServerStats();

    /** Reports on these servlets; {@code requestThreadsMax} is the measured pool's size, for the report. */
    public StatsServlet(BareAsyncServlet bare, BareAsyncServlet bareDirect, BlockingServlet blocking, int requestThreadsMax) {
        this.bare = bare;
        this.bareDirect = bareDirect;
        this.blocking = blocking;
        this.requestThreadsMax = requestThreadsMax;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean collect = "true".equals(request.getParameter("gc"));
        long heap = stats.heapUsed(collect);
        String json = "{\"holdlineParked\":" + LongPollRuntime.of(getServletContext()).parked()
                + ",\"bareParked\":" + bare.parked()
                + ",\"bareDirectParked\":" + bareDirect.parked()
                + ",\"blockingParked\":" + blocking.blocked()
                + ",\"heapUsed\":" + heap
                + ",\"liveThreads\":" + stats.liveThreads()
                + ",\"requestThreadsInService\":" + stats.requestThreadsInService()
                + ",\"requestThreadsMax\":" + requestThreadsMax + "}";
        byte[] body = json.getBytes(StandardCharsets.US_ASCII);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
