package dev.holdline.perf.server;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /bare}: the least a servlet can do to park a request. It calls {@code startAsync()}, keeps
 * the {@link AsyncContext} in a set and answers all of them on the next publish, each written on a
 * container thread ({@link AsyncContext#start}, as Holdline does) or, when {@code direct}, by the publishing
 * thread itself (to see what the dispatch costs). No Holdline code: its heap per parked request is the
 * container's own cost, which the benchmark subtracts from Holdline's.
 */
public final class BareAsyncServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ReleaseSignal signal;
    private final boolean direct;
    private final transient Set<AsyncContext> parked = ConcurrentHashMap.newKeySet();

    /** Registers the release of every parked request with the signal; {@code direct}: write on the publisher's thread. */
    public BareAsyncServlet(ReleaseSignal signal, boolean direct) {
        this.signal = signal;
        this.direct = direct;
        signal.onPublish(this::releaseAll);
    }

    /** Requests parked now. */
    public int parked() {
        return parked.size();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PollParameters poll = PollParameters.of(request);
        synchronized (signal) {
            long now = signal.generation();
            if (!poll.hasCursor() || now > poll.cursor()) {
                PollAnswers.event(response, now);
                return;
            }
            AsyncContext async = request.startAsync();
            async.setTimeout(poll.waitMillis());
            async.addListener(new Forget(async, poll.cursor()));
            parked.add(async);
        }
    }

    /** Runs under the signal's monitor, so no request can park between the publish and this sweep. */
    private void releaseAll() {
        long generation = signal.generation();
        for (AsyncContext async : parked.toArray(new AsyncContext[0])) {
            if (parked.remove(async)) {
                if (direct) {
                    answer(async, generation);
                } else {
                    async.start(() -> answer(async, generation));
                }
            }
        }
    }

    private static void answer(AsyncContext async, long generation) {
        try {
            PollAnswers.event((HttpServletResponse) async.getResponse(), generation);
        } catch (IOException | RuntimeException clientGone) {
            // nothing to do: the connection is gone
        } finally {
            complete(async);
        }
    }

    private static void complete(AsyncContext async) {
        try {
            async.complete();
        } catch (RuntimeException alreadyEnded) {
            // ended by the container meanwhile
        }
    }

    /** Forgets the request when the container ends it, and answers 304 at the end of its wait. */
    private final class Forget implements AsyncListener {
        private final AsyncContext async;
        private final long cursor;

        Forget(AsyncContext async, long cursor) {
            this.async = async;
            this.cursor = cursor;
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            if (parked.remove(async)) {
                PollAnswers.notModified((HttpServletResponse) async.getResponse(), cursor);
                complete(async);
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            parked.remove(async);
        }

        @Override
        public void onError(AsyncEvent event) {
            parked.remove(async);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not re-dispatched
        }
    }
}
