package dev.holdline.coalesce.servlet;

import dev.holdline.http.EntityTagCondition;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request parked behind a leader, without a thread, in an {@link AsyncContext}. Exactly one of these
 * ends it, whichever comes first (an atomic flag decides):
 *
 * <ul>
 *   <li>the leader's response is shareable and the follower's {@code Vary}'d headers match: it is
 *       replayed on a container thread ({@link AsyncContext#start}), never on the leader's, so that one
 *       slow client cannot hold up the leader or the other followers;</li>
 *   <li>the response is not shareable, the leader failed, the wait timeout passed, or the filter is
 *       shutting down: the request is dispatched back to its own URI ({@link AsyncContext#dispatch()}),
 *       where the filter lets the ASYNC dispatch straight through to run the chain on a container thread.
 *       Dispatching is the portable way to run the chain again once the original call has returned; a
 *       {@code FilterChain} must not be used after its {@code doFilter} returned (Tomcat recycles it);</li>
 *   <li>the container ends the request (client gone, error): it leaves its flight.</li>
 * </ul>
 *
 * <p>The wait timeout is a timer on the filter's scheduler, not the container's async timeout, which
 * Holdline never relies on; the container's timeout is set a margin above it as a backstop and, should it
 * fire, is handled like the wait timeout.
 */
final class Follower implements AsyncListener {

    /** How far above the wait timeout the container's async timeout is set. */
    static final Duration CONTAINER_TIMEOUT_MARGIN = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(Follower.class.getName());

    private final AsyncContext context;
    private final HttpServletRequest request;
    private final EntityTagCondition condition;
    private final boolean head;
    private final Flight flight;
    private final Counters counters;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile ScheduledFuture<?> timer;

    Follower(AsyncContext context, HttpServletRequest request, EntityTagCondition condition, Flight flight, Counters counters) {
        this.context = context;
        this.request = request;
        this.condition = condition;
        this.head = "HEAD".equals(request.getMethod());
        this.flight = flight;
        this.counters = counters;
    }

    /** Starts the wait: listener, timer, then the join (or the outcome at once, if the leader already landed). */
    void park(ScheduledExecutorService scheduler, Duration waitTimeout) {
        context.setTimeout(waitTimeout.plus(CONTAINER_TIMEOUT_MARGIN).toMillis());
        context.addListener(this);
        try {
            ScheduledFuture<?> scheduled = scheduler.schedule(this::waitedTooLong, waitTimeout.toNanos(), TimeUnit.NANOSECONDS);
            timer = scheduled;
            if (settled.get()) {
                scheduled.cancel(false);
            }
        } catch (RejectedExecutionException shuttingDown) {
            release(BypassReason.SHUTDOWN);
            return;
        }
        if (!flight.join(this)) {
            deliver(flight.outcome());
        }
    }

    /** The leader's outcome. */
    void deliver(Outcome outcome) {
        if (!settle()) {
            return;
        }
        if (!outcome.isShared()) {
            runItself(outcome.reason());
            return;
        }
        CapturedResponse captured = outcome.response();
        if (captured.variesFrom(request)) {
            runItself(BypassReason.VARY);
            return;
        }
        try {
            context.start(() -> replay(captured));
        } catch (RuntimeException notStartable) {
            LOG.log(System.Logger.Level.TRACE, "Replaying on the calling thread", notStartable);
            replay(captured);
        }
    }

    /** Ends the wait without an outcome, such as at shutdown. */
    void release(BypassReason reason) {
        if (settle()) {
            runItself(reason);
        }
    }

    private void waitedTooLong() {
        if (settle()) {
            counters.followerTimeouts.increment();
            flight.leave(this);
            runItself(BypassReason.FOLLOWER_TIMEOUT);
        }
    }

    private void replay(CapturedResponse captured) {
        try {
            boolean notModified = Replay.write(captured, (HttpServletResponse) context.getResponse(), head, condition);
            (notModified ? counters.notModified : counters.shared).increment();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not replay a coalesced response; the client has probably gone", e);
        } finally {
            try {
                context.complete();
            } catch (RuntimeException alreadyEnded) {
                LOG.log(System.Logger.Level.TRACE, "Coalesced request already ended", alreadyEnded);
            }
        }
    }

    private void runItself(BypassReason reason) {
        counters.bypassed(reason);
        try {
            request.setAttribute(CoalescingFilter.BYPASS_ATTRIBUTE, reason.name());
            context.dispatch();
        } catch (RuntimeException ended) {
            LOG.log(System.Logger.Level.DEBUG, "Could not dispatch a coalesced request to run itself; it has probably ended", ended);
        }
    }

    private boolean settle() {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        ScheduledFuture<?> scheduled = timer;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        return true;
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        waitedTooLong();
    }

    @Override
    public void onError(AsyncEvent event) {
        if (settle()) {
            flight.leave(this);
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        if (settle()) {
            flight.leave(this);
        }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Not re-registered for a later async cycle: after a dispatch this follower is done.
    }
}
