package dev.holdline.perf.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /blocking}: the naive baseline. Each waiting request holds its container thread, blocked
 * until the next publish or the end of its wait; requests beyond the container's pool queue up unanswered.
 */
public final class BlockingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ReleaseSignal signal;
    private final AtomicInteger blocked = new AtomicInteger();

    /** Waits on the given signal. */
    public BlockingServlet(ReleaseSignal signal) {
        this.signal = signal;
    }

    /** Request threads blocked in this servlet now. */
    public int blocked() {
        return blocked.get();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PollParameters poll = PollParameters.of(request);
        long now = signal.generation();
        if (!poll.hasCursor() || now > poll.cursor()) {
            PollAnswers.event(response, now);
            return;
        }
        long reached;
        blocked.incrementAndGet();
        try {
            reached = signal.awaitAfter(poll.cursor(), poll.waitMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(503);
            return;
        } finally {
            blocked.decrementAndGet();
        }
        if (reached < 0) {
            PollAnswers.notModified(response, poll.cursor());
        } else {
            PollAnswers.event(response, reached);
        }
    }
}
