package dev.holdline.coalesce.servlet;

import dev.holdline.http.EntityTagCondition;
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
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Runs the filter chain once for identical concurrent GET and HEAD requests: the first request of a key
 * (the leader) runs the chain while its response is captured; identical requests that arrive meanwhile
 * (followers) are parked without a thread ({@link jakarta.servlet.AsyncContext}) and answered with a
 * replay of the leader's status, headers and body. A response that may not be shared, a leader that
 * fails, and a leader slower than the wait timeout never strand a follower: it then runs the chain
 * itself. The filter is opt-in; nothing registers it for you.
 *
 * <h2>The key</h2>
 * Method (HEAD and GET are separate keys), request URI as sent (context path included), raw query
 * string, and the field lines of {@code Accept}, {@code Accept-Encoding}, {@code Accept-Language}, of the
 * headers listed in {@code holdline.coalesce.filter.key-headers}, and, with
 * {@code holdline.coalesce.filter.key-by-credential=true}, of {@code Authorization},
 * {@code Proxy-Authorization} and {@code Cookie}. No normalisation: different spellings run separately.
 *
 * <h2>Requests that pass straight through</h2>
 * Other methods; requests with credentials (unless keyed by credential); with {@code Range}; with
 * {@code If-Match}, {@code If-Unmodified-Since}, {@code If-Range}, or {@code If-Modified-Since} without
 * {@code If-None-Match}; with a malformed {@code If-None-Match}; with content; requests that cannot go
 * asynchronous; and every dispatch other than REQUEST (forwards, includes, error pages and the ASYNC
 * dispatches by which followers run the chain themselves). See {@link BypassReason}.
 *
 * <h2>{@code If-None-Match}</h2>
 * Not part of the key. The leader's chain runs with the condition hidden ({@code If-Modified-Since} too,
 * which it overrides), so the captured response is the full one; then the leader and every follower is
 * answered by its own condition against the captured {@code ETag} (weak comparison, 2xx only): a 304
 * with {@code ETag}, {@code Cache-Control}, {@code Expires}, {@code Vary}, {@code Content-Location} and
 * the container's {@code Date}, or the full replay.
 *
 * <h2>What is shared</h2>
 * Only a response with a heuristically cacheable status (200, 203, 204, 300, 301, 308, 404, 405, 410,
 * 414, 501), without {@code Set-Cookie} or a new session, without {@code Cache-Control: private} or
 * {@code no-store}, without {@code Vary: *} (other {@code Vary} names are compared per follower), whose
 * body fits the buffer limit, and that the chain wrote itself, synchronously (not by {@code sendError},
 * {@code sendRedirect}, trailers, or after {@code startAsync}). Everything else makes the followers run
 * the chain themselves; docs/coalesce.md (and the package-private {@code SharingPolicy} and
 * {@code CapturingResponse}) give the reasons.
 *
 * <h2>Registration</h2>
 * Register with {@code async-supported} true (the servlets behind it must be async-supported too, or
 * requests pass through) and dispatcher types REQUEST and ASYNC. Only REQUEST dispatches are coalesced; a
 * follower that must run the chain itself is dispatched again ({@link AsyncContext#dispatch()}), and that
 * ASYNC dispatch passes this filter straight through, carrying the reason in the request attribute
 * {@link #BYPASS_ATTRIBUTE}. Filters inside this one (compression, entity tags) must therefore be mapped
 * for ASYNC as well, or a follower that runs itself would skip them. Map it outside (before) response
 * transforming filters: it then shares their final output, and does their work once.
 *
 * <h2>Settings</h2>
 * Filter init-params, or context init-params for all coalescing filters, or system properties (which
 * win); see docs/coalesce.md:
 * <ul>
 *   <li>{@code holdline.coalesce.filter.enabled}, default {@code true};</li>
 *   <li>{@code holdline.coalesce.filter.buffer-limit}, bytes, default 1048576 (1 MiB);</li>
 *   <li>{@code holdline.coalesce.filter.wait-timeout}, default {@code 10s};</li>
 *   <li>{@code holdline.coalesce.filter.key-by-credential}, default {@code false};</li>
 *   <li>{@code holdline.coalesce.filter.key-headers}, default empty.</li>
 * </ul>
 *
 * <p>The map of flights holds only keys in flight: the leader removes its key when its chain returns,
 * before delivering to the followers. The filter's counters are in {@link #stats()}; the filter instance
 * is also a servlet context attribute named {@link #CONTEXT_ATTRIBUTE_PREFIX} plus the filter name.
 */
public final class CoalescingFilter implements Filter {

    /** Request attribute set on a follower that runs the chain itself: the {@link BypassReason} name. */
    public static final String BYPASS_ATTRIBUTE = CoalescingFilter.class.getName() + ".bypass";
    /** Prefix of the servlet context attribute that holds each initialised filter, by filter name. */
    public static final String CONTEXT_ATTRIBUTE_PREFIX = CoalescingFilter.class.getName() + ".";

    private static final System.Logger LOG = System.getLogger(CoalescingFilter.class.getName());

    private final ConcurrentHashMap<RequestKey, Flight> flights = new ConcurrentHashMap<>();
    private final Counters counters = new Counters();
    private FilterSettings settings = FilterSettings.defaults();
    private RequestClassifier classifier = new RequestClassifier(settings);
    private ScheduledThreadPoolExecutor scheduler;
    private ServletContext context;
    private String name = "CoalescingFilter";

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        try {
            settings = FilterSettings.from(filterConfig);
        } catch (IllegalArgumentException invalid) {
            throw new ServletException(invalid.getMessage(), invalid);
        }
        classifier = new RequestClassifier(settings);
        name = filterConfig.getFilterName();
        context = filterConfig.getServletContext();
        String threadName = "holdline-coalesce-timer-" + name;
        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        context.setAttribute(CONTEXT_ATTRIBUTE_PREFIX + name, this);
        LOG.log(System.Logger.Level.INFO, () -> "holdline CoalescingFilter '" + name + "': " + settings.describe());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!settings.enabled() || scheduler == null || !(req instanceof HttpServletRequest request)
                || !(res instanceof HttpServletResponse response) || req.getDispatcherType() != DispatcherType.REQUEST) {
            chain.doFilter(req, res);
            return;
        }
        Admission admission = classifier.classify(request);
        if (!admission.coalesced()) {
            counters.bypassed(admission.bypass());
            chain.doFilter(request, response);
            return;
        }
        Flight mine = new Flight(admission.key());
        Flight running = flights.putIfAbsent(admission.key(), mine);
        if (running == null) {
            lead(request, response, chain, mine, admission.condition());
        } else {
            follow(request, response, chain, running, admission.condition());
        }
    }

    private void lead(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Flight flight,
            EntityTagCondition condition) throws IOException, ServletException {
        counters.executions.increment();
        CapturingResponse capture = new CapturingResponse(response, "HEAD".equals(request.getMethod()), settings.bufferLimit(), condition);
        Outcome outcome = Outcome.notShared(BypassReason.LEADER_FAILED);
        try {
            LeaderRequest leaderRequest = new LeaderRequest(request);
            chain.doFilter(leaderRequest, capture);
            outcome = capture.finish(request, leaderRequest.wentAsync(), classifier);
        } finally {
            land(flight, outcome);
        }
        if (outcome.reason() != BypassReason.ASYNC_LEADER && capture.answerLeader()) {
            counters.notModified.increment();
        }
    }

    /** Releases the key, then hands the outcome to every follower parked behind it. */
    private void land(Flight flight, Outcome outcome) {
        flights.remove(flight.key(), flight);
        List<Follower> followers = flight.land(outcome);
        LOG.log(System.Logger.Level.DEBUG, () -> "Coalesced " + flight.key() + ": " + followers.size() + " followers, " + outcome);
        for (Follower follower : followers) {
            try {
                follower.deliver(outcome);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "Could not answer a coalesced follower", e);
            }
        }
    }

    private void follow(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Flight flight,
            EntityTagCondition condition) throws IOException, ServletException {
        AsyncContext async;
        try {
            async = request.startAsync(request, response);
        } catch (IllegalStateException notAsync) {
            counters.bypassed(BypassReason.ASYNC_UNSUPPORTED);
            chain.doFilter(request, response);
            return;
        }
        counters.followers.increment();
        new Follower(async, request, condition, flight, counters).park(scheduler, settings.waitTimeout());
    }

    /** Releases parked followers to run the chain themselves, and stops the timer. */
    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        for (Flight flight : flights.values()) {
            for (Follower follower : flight.parked()) {
                follower.release(BypassReason.SHUTDOWN);
            }
        }
        if (context != null) {
            context.removeAttribute(CONTEXT_ATTRIBUTE_PREFIX + name);
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "holdline CoalescingFilter '" + name + "' stopped: " + stats());
    }

    /** The counters so far, and the keys in flight now. */
    public CoalescingFilterStats stats() {
        return counters.snapshot(flights.size());
    }
}
