package dev.holdline.guard.concurrency;

import dev.holdline.http.HoldlineFilterConfig;
import dev.holdline.guard.GuardRejectedException;
import dev.holdline.guard.GuardResponses;
import dev.holdline.http.HoldlineConfig;
import dev.holdline.http.ProblemTypes;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The servlet twin of {@link ConcurrencyLimit}: at most {@code max} requests behind this filter's URL
 * patterns are in flight at once; up to {@code queue} more wait in line for at most {@code max-wait},
 * parked without a thread; the rest get 503 with {@code Retry-After} and the problem
 * {@code concurrency-limit}.
 *
 * <p>A request is in flight until it ends, not until {@code service()} returns: an asynchronous request
 * (a parked long poll) holds its slot until its {@code AsyncContext} completes, fails (client gone) or
 * times out. The slot is given back exactly once on every path. Register with {@code async-supported}
 * true and the dispatcher types {@code REQUEST} and {@code ASYNC}: a queued request runs the chain in an
 * ASYNC dispatch once it gets its slot. Settings ({@code holdline.guard.concurrency.*}): docs/guard.md.
 * The filter instance is the servlet context attribute {@link #CONTEXT_ATTRIBUTE_PREFIX} plus the filter
 * name; {@link #stats()} shows its counts.
 */
public final class ConcurrencyLimitFilter implements Filter {

    /** Prefix of the servlet context attribute that holds each initialised filter, by filter name. */
    public static final String CONTEXT_ATTRIBUTE_PREFIX = ConcurrencyLimitFilter.class.getName() + ".";

    static final String PREFIX = "holdline.guard.concurrency.";
    static final String ENABLED = PREFIX + "enabled";
    static final String MAX = PREFIX + "max";
    static final String QUEUE = PREFIX + "queue";
    static final String MAX_WAIT = PREFIX + "max-wait";
    static final String RETRY_AFTER = PREFIX + "retry-after";

    private static final System.Logger LOG = System.getLogger(ConcurrencyLimitFilter.class.getName());

    private boolean enabled = true;
    private volatile ConcurrencyLimiter limiter;
    private ProblemTypes types = ProblemTypes.defaults();
    private ScheduledThreadPoolExecutor scheduler;
    private String permitAttribute;
    private ServletContext context;
    private String name;

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        name = filterConfig.getFilterName();
        try {
            HoldlineFilterConfig config = new HoldlineFilterConfig(filterConfig);
            enabled = config.getBoolean(ENABLED, true);
            int max = config.getInt(MAX, 50, 1, 1_000_000);
            int queue = config.getInt(QUEUE, 0, 0, 1_000_000);
            Duration maxWait = config.getDuration(MAX_WAIT, Duration.ofSeconds(1), Duration.ZERO, Duration.ofHours(1));
            Duration retryAfter = config.getDuration(RETRY_AFTER, Duration.ofSeconds(1), Duration.ZERO, Duration.ofDays(1));
            limiter = new ConcurrencyLimiter(name, max, queue, maxWait, retryAfter);
            types = ProblemTypes.fromConfig(HoldlineConfig.of(filterConfig.getServletContext()));
            LOG.log(System.Logger.Level.INFO, () -> "holdline ConcurrencyLimitFilter '" + name + "': " + (enabled ? "" : "DISABLED, ")
                    + "max " + max + ", queue " + queue + ", max-wait " + maxWait + ", retry-after " + retryAfter);
        } catch (IllegalArgumentException invalid) {
            throw new ServletException(invalid.getMessage(), invalid);
        }
        permitAttribute = ConcurrencyLimitFilter.class.getName() + ".permit." + name;
        String threadName = "holdline-concurrency-timer-" + name;
        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        context = filterConfig.getServletContext();
        context.setAttribute(CONTEXT_ATTRIBUTE_PREFIX + name, this);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!enabled || limiter == null || !(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        if (req.getDispatcherType() == DispatcherType.ASYNC && req.getAttribute(permitAttribute) instanceof ConcurrencyLimiter.Permit granted) {
            req.removeAttribute(permitAttribute);
            runHolding(granted, request, response, chain);
            return;
        }
        if (req.getDispatcherType() != DispatcherType.REQUEST) {
            chain.doFilter(req, res);
            return;
        }
        ConcurrencyLimiter.Permit permit = limiter.tryAcquire();
        if (permit != null) {
            runHolding(permit, request, response, chain);
            return;
        }
        CompletableFuture<ConcurrencyLimiter.Permit> place = limiter.queues() ? limiter.enqueue() : null;
        if (place == null) {
            reject(request, response, limiter.reject("all slots are in use" + (limiter.queues() ? " and the queue is full" : "")));
            return;
        }
        if (request.isAsyncSupported()) {
            AsyncContext async = request.startAsync(request, response);
            new QueuedRequest(async, place, limiter, permitAttribute, types).park(scheduler);
            return;
        }
        // The request cannot be parked: it waits in line holding its thread.
        try {
            permit = limiter.await(place);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            reject(request, response, limiter.waitedTooLong());
            return;
        } catch (ConcurrencyLimitExceededException waitedTooLong) {
            reject(request, response, waitedTooLong);
            return;
        }
        runHolding(permit, request, response, chain);
    }

    /** Runs the chain holding the slot, then gives it back, or leaves that to the end of the asynchronous request. */
    private static void runHolding(ConcurrencyLimiter.Permit permit, HttpServletRequest request, HttpServletResponse response,
                                   FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            boolean handedOver = false;
            if (request.isAsyncStarted()) {
                try {
                    request.getAsyncContext().addListener(new SlotReleaser(permit));
                    handedOver = true;
                } catch (IllegalStateException alreadyOver) {
                    LOG.log(System.Logger.Level.TRACE, "Asynchronous request ended before its slot could follow it", alreadyOver);
                }
            }
            if (!handedOver) {
                permit.release();
            }
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, GuardRejectedException rejection) throws IOException {
        GuardResponses.write(request, response, rejection, types);
    }

    /** The counts of this filter's limit; all zero before {@code init}. */
    public ConcurrencyLimitStats stats() {
        ConcurrencyLimiter initialised = limiter;
        return initialised == null ? new ConcurrencyLimitStats(0, 0, 0, 0, 0, 0) : initialised.stats();
    }

    /** Answers requests still waiting in line with 503 and stops the timer. */
    @Override
    public void destroy() {
        if (scheduler != null) {
            for (Runnable pending : scheduler.shutdownNow()) {
                pending.run();
            }
        }
        if (context != null) {
            context.removeAttribute(CONTEXT_ATTRIBUTE_PREFIX + name);
        }
    }
}
