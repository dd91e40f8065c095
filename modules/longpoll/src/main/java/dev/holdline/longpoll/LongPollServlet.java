package dev.holdline.longpoll;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code GET {mapping}/{topic}}: answers at once when events follow the cursor (or there is none),
 * otherwise parks the request without a thread until an event, the wait's end, or shutdown.
 */
final class LongPollServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** How long past our own deadline the container's async timeout is set, so that ours always fires first. */
    private static final Duration CONTAINER_TIMEOUT_MARGIN = Duration.ofSeconds(15);

    private final transient LongPollRuntime runtime;

    LongPollServlet(LongPollRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod())) {
            runtime.problems().methodNotAllowed().writeTo(request, response, null);
            return;
        }
        if (runtime.isShuttingDown()) {
            runtime.problems().shuttingDown().writeTo(request, response, null);
            return;
        }
        PollRequest poll;
        try {
            poll = PollRequest.read(request, runtime);
        } catch (PollRequest.Refused refused) {
            refused.reply.writeTo(request, response, null);
            return;
        }
        Topic topic = poll.topic();
        Reply now = topic.read(poll.cursor(), poll.limit());
        if (now == null && poll.waitTime().isZero()) {
            now = Reply.notModified(poll.cursor().toString());
        }
        if (now != null) {
            now.writeTo(request, response, now.status() < 400 ? poll.preferenceApplied() : null);
            return;
        }
        park(request, response, poll);
    }

    private void park(HttpServletRequest request, HttpServletResponse response, PollRequest poll) throws IOException {
        ParkingLot lot = runtime.lot();
        Reply refusal = lot.reserve(poll.topic());
        if (refusal != null) {
            refusal.writeTo(request, response, null);
            return;
        }
        Duration wait = withJitter(poll.waitTime());
        Waiter waiter;
        try {
            AsyncContext async = request.startAsync(request, response);
            async.setTimeout(wait.plus(CONTAINER_TIMEOUT_MARGIN).toMillis());
            AsyncDelivery delivery = new AsyncDelivery(async, poll.preferenceApplied());
            waiter = lot.waiter(poll.topic(), poll.cursor(), poll.limit(), delivery);
            delivery.bind(waiter, lot);
        } catch (RuntimeException e) {
            lot.unreserve(poll.topic());
            throw e;
        }
        lot.park(waiter, wait);
    }

    /** The earliest sign of an undeploy: answer the parked requests now rather than at contextDestroyed. */
    @Override
    public void destroy() {
        runtime.beginShutdown();
    }

    /** Up to wait/16 more, so that clients parked together do not all come back in the same instant. */
    static Duration withJitter(Duration wait) {
        long jitterNanos = wait.toNanos() / 16;
        return jitterNanos <= 0 ? wait : wait.plusNanos(ThreadLocalRandom.current().nextLong(jitterNanos + 1));
    }
}
