package dev.holdline.guard.concurrency;

import dev.holdline.guard.GuardRejectedException;
import dev.holdline.guard.GuardResponses;
import dev.holdline.http.ProblemTypes;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request waiting in line for a slot, parked in an {@link AsyncContext} without a thread. Exactly one
 * of these ends the wait (an atomic flag decides): a slot is handed over, and the request is dispatched
 * again to run the chain holding it ({@link AsyncContext#dispatch()}, where the filter finds the slot in
 * a request attribute); the filter's own timer runs out and it is answered 503; or the container ends it
 * (the client went away, or the container's async timeout, set well above the wait as a backstop).
 * A slot handed over to a request that can no longer use it is given back.
 */
final class QueuedRequest implements AsyncListener {

    /** How far above the longest wait the container's async timeout is set. */
    static final Duration CONTAINER_TIMEOUT_MARGIN = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(QueuedRequest.class.getName());

    private final AsyncContext async;
    private final CompletableFuture<ConcurrencyLimiter.Permit> place;
    private final ConcurrencyLimiter limiter;
    private final String permitAttribute;
    private final ProblemTypes types;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile ScheduledFuture<?> timer;
    private volatile ConcurrencyLimiter.Permit granted;

    QueuedRequest(AsyncContext async, CompletableFuture<ConcurrencyLimiter.Permit> place, ConcurrencyLimiter limiter,
                  String permitAttribute, ProblemTypes types) {
        this.async = async;
        this.place = place;
        this.limiter = limiter;
        this.permitAttribute = permitAttribute;
        this.types = types;
    }

    void park(ScheduledExecutorService scheduler) {
        async.setTimeout(limiter.maxWait().plus(CONTAINER_TIMEOUT_MARGIN).toMillis());
        async.addListener(this);
        try {
            timer = scheduler.schedule(this::waitedTooLong, limiter.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            waitedTooLong();
            return;
        }
        place.thenAccept(this::admit);
    }

    /** The wait ran out (or the filter stops): 503, unless a slot arrived meanwhile. */
    void waitedTooLong() {
        if (limiter.abandon(place) && settled.compareAndSet(false, true)) {
            answer(limiter.waitedTooLong());
        }
    }

    private void admit(ConcurrencyLimiter.Permit permit) {
        granted = permit;
        if (!settled.compareAndSet(false, true)) {
            permit.release();
            return;
        }
        ScheduledFuture<?> scheduled = timer;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        try {
            async.getRequest().setAttribute(permitAttribute, permit);
            async.dispatch();
        } catch (IllegalStateException gone) {
            permit.release();
        }
    }

    private void answer(GuardRejectedException rejection) {
        try {
            GuardResponses.write((HttpServletRequest) async.getRequest(), (HttpServletResponse) async.getResponse(), rejection, types);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not answer a request that waited too long for a slot", e);
        } finally {
            complete();
        }
    }

    private void complete() {
        try {
            async.complete();
        } catch (IllegalStateException alreadyEnded) {
            LOG.log(System.Logger.Level.TRACE, "Queued request already ended", alreadyEnded);
        }
    }

    /** The container ended the request: leave the line, or give back a slot that could not be used. */
    private void ended() {
        if (limiter.abandon(place)) {
            settled.set(true);
        }
        ConcurrencyLimiter.Permit permit = granted;
        if (permit != null) {
            permit.release();
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        ended();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        if (limiter.abandon(place) && settled.compareAndSet(false, true)) {
            answer(limiter.waitedTooLong());
        }
        ended();
    }

    @Override
    public void onError(AsyncEvent event) {
        ended();
        complete();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // A new cycle begun by the dispatched chain: the slot is now the filter's SlotReleaser's to give back.
    }
}
