package dev.holdline.guard.deadline;

import dev.holdline.guard.GuardResponses;
import dev.holdline.http.ProblemTypes;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One request under a {@link DeadlineFilter}: who answers it, the application or the deadline. One lock
 * orders everything that touches the real response: the application's writes (through
 * {@link DeadlineResponse}), its {@code complete()} (through {@link GuardedAsyncContext}) and the timer's
 * {@link #expire()}. The state goes from {@code RUNNING} to exactly one of {@code FINISHED} (the
 * application answered in time) or {@code EXPIRED} (the filter answered 503; everything the application
 * does afterwards is discarded).
 */
final class DeadlineExchange implements AsyncListener {

    /** How far above the deadline the container's async timeout is set: a backstop, never the mechanism. */
    static final Duration CONTAINER_TIMEOUT_MARGIN = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(DeadlineExchange.class.getName());

    private enum State { RUNNING, FINISHED, EXPIRED }

    private final ReentrantLock lock = new ReentrantLock();
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Deadline deadline;
    private final ProblemTypes types;
    private final DeadlineResponse wrappedResponse;
    private final DeadlineRequest wrappedRequest;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private volatile AsyncContext async;
    private volatile ScheduledFuture<?> timer;

    DeadlineExchange(HttpServletRequest request, HttpServletResponse response, Deadline deadline, ProblemTypes types) {
        this.request = request;
        this.response = response;
        this.deadline = deadline;
        this.types = types;
        this.wrappedResponse = new DeadlineResponse(response, this);
        this.wrappedRequest = new DeadlineRequest(request, this);
    }

    DeadlineRequest request() {
        return wrappedRequest;
    }

    DeadlineResponse response() {
        return wrappedResponse;
    }

    Deadline deadline() {
        return deadline;
    }

    void schedule(ScheduledExecutorService scheduler) {
        try {
            ScheduledFuture<?> scheduled = scheduler.schedule(this::expire, deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
            timer = scheduled;
            if (state.get() == State.FINISHED) {
                scheduled.cancel(false);
            }
        } catch (RejectedExecutionException stopping) {
            LOG.log(System.Logger.Level.DEBUG, "Deadline filter stopping: request runs without a deadline timer");
        }
    }

    /** Runs {@code action} on the real response only while the application may still answer; true if it ran. */
    boolean ifOpen(IoAction action) throws IOException {
        lock.lock();
        try {
            if (state.get() != State.RUNNING) {
                return false;
            }
            action.run();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** {@link #ifOpen} for actions that cannot fail with I/O. */
    boolean ifOpenQuietly(Runnable action) {
        lock.lock();
        try {
            if (state.get() != State.RUNNING) {
                return false;
            }
            action.run();
            return true;
        } finally {
            lock.unlock();
        }
    }

    boolean expired() {
        return state.get() == State.EXPIRED;
    }

    /**
     * The application answered in time (its chain returned, or it completed its async request): the timer
     * goes. Lock-free, since the container may call it from a listener while holding locks of its own.
     */
    boolean finish() {
        if (!state.compareAndSet(State.RUNNING, State.FINISHED)) {
            return false;
        }
        ScheduledFuture<?> scheduled = timer;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        return true;
    }

    /**
     * The request thread is about to hand the response back to the container: if the deadline has
     * answered (or is answering right now), wait until its answer is written, so that the container does
     * not end the response under the timer's feet.
     */
    void settle() {
        if (!finish() && expired()) {
            lock.lock();
            lock.unlock();
        }
    }

    /** The application's {@code AsyncContext.complete()}: only while it may still answer. */
    void complete(AsyncContext delegate) {
        if (finish()) {
            delegate.complete();
        }
    }

    /** The application started an asynchronous cycle: the deadline follows it. */
    void asyncStarted(AsyncContext context) {
        async = context;
        context.setTimeout(deadline.remaining().plus(CONTAINER_TIMEOUT_MARGIN).toMillis());
        context.addListener(this);
        if (expired()) {
            // The deadline answered between the application's check and its startAsync: end this cycle too.
            context.complete();
        }
    }

    /**
     * The deadline passed: answer 503 {@code deadline-exceeded} if nothing was sent yet, end the response
     * (the rest of a response already committed is cut off), and complete an asynchronous request. The
     * lock keeps the application's writes out while the answer is written; completing happens outside it.
     */
    void expire() {
        lock.lock();
        try {
            if (!state.compareAndSet(State.RUNNING, State.EXPIRED)) {
                return;
            }
            if (!response.isCommitted()) {
                GuardResponses.write(request, response, deadline.exceeded("The request"), types);
            }
            endResponse();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not answer a request past its deadline", e);
        } finally {
            lock.unlock();
        }
        AsyncContext started = async;
        if (started != null && state.get() == State.EXPIRED) {
            try {
                started.complete();
            } catch (IllegalStateException alreadyEnded) {
                LOG.log(System.Logger.Level.DEBUG, "Request past its deadline had already ended", alreadyEnded);
            }
        }
    }

    private void endResponse() throws IOException {
        response.flushBuffer();
        try {
            response.getOutputStream().close();
        } catch (IllegalStateException writerInUse) {
            response.getWriter().close();
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        finish();
    }

    @Override
    public void onError(AsyncEvent event) {
        finish();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // Only if the application shortened the container's timeout below the deadline: its own listeners answer.
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
    }

    /** Something done to the real response. */
    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }
}
