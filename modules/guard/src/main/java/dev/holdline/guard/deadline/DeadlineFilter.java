package dev.holdline.guard.deadline;

import dev.holdline.http.HoldlineFilterConfig;
import dev.holdline.http.HoldlineConfig;
import dev.holdline.http.ProblemTypes;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The servlet twin of {@code @Deadline}: every request behind this filter's URL patterns gets a time
 * budget ({@code holdline.guard.deadline.budget}). When it passes before the application has answered,
 * synchronously or asynchronously, the filter answers 503 with the problem {@code deadline-exceeded}
 * itself, from its timer, whatever the application is still doing; everything the application writes
 * afterwards is discarded, and its late {@code complete()} or exception causes no error and no second
 * response. A response the application had already committed is cut off at the deadline instead.
 *
 * <p>The budget is {@link Deadline#current()} on the request's thread and the request attribute
 * {@link Deadline#REQUEST_ATTRIBUTE} ({@link Deadline#of}) for other threads, so that outbound calls can
 * spend it ({@link DeadlineHttp}). Timers run on one scheduler thread per filter. Register with
 * {@code async-supported} true; map {@code ASYNC} too if the application dispatches asynchronously, so
 * that the deadline is current in the dispatched code. Settings: docs/guard.md, "Deadline".
 */
public final class DeadlineFilter implements Filter {

    static final String PREFIX = "holdline.guard.deadline.";
    static final String ENABLED = PREFIX + "enabled";
    static final String BUDGET = PREFIX + "budget";
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);

    private static final String EXCHANGE_ATTRIBUTE = DeadlineExchange.class.getName();
    private static final System.Logger LOG = System.getLogger(DeadlineFilter.class.getName());

    private boolean enabled = true;
    private Duration budget = DEFAULT_BUDGET;
    private ProblemTypes types = ProblemTypes.defaults();
    private ScheduledThreadPoolExecutor scheduler;

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        String name = filterConfig.getFilterName();
        try {
            HoldlineFilterConfig config = new HoldlineFilterConfig(filterConfig);
            enabled = config.getBoolean(ENABLED, true);
            budget = config.getDuration(BUDGET, DEFAULT_BUDGET, Duration.ofMillis(1), Duration.ofHours(1));
            types = ProblemTypes.fromConfig(HoldlineConfig.of(filterConfig.getServletContext()));
        } catch (IllegalArgumentException invalid) {
            throw new ServletException(invalid.getMessage(), invalid);
        }
        String threadName = "holdline-deadline-timer-" + name;
        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        LOG.log(System.Logger.Level.INFO, () -> "holdline DeadlineFilter '" + name + "': " + (enabled ? "" : "DISABLED, ")
                + "budget " + budget);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!enabled || scheduler == null || !(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        if (req.getDispatcherType() != DispatcherType.REQUEST) {
            // A dispatch within a guarded request (async, forward, error): its deadline stays in force.
            if (req.getAttribute(EXCHANGE_ATTRIBUTE) instanceof DeadlineExchange exchange) {
                try (Deadline.Scope scope = exchange.deadline().enter()) {
                    chain.doFilter(req, res);
                }
            } else {
                chain.doFilter(req, res);
            }
            return;
        }
        // Behind another deadline filter, the shorter deadline wins, as for nested bindings.
        Deadline deadline = Deadline.after(budget).earlier(Deadline.of(request).orElse(null));
        DeadlineExchange exchange = new DeadlineExchange(request, response, deadline, types);
        request.setAttribute(Deadline.REQUEST_ATTRIBUTE, deadline);
        request.setAttribute(EXCHANGE_ATTRIBUTE, exchange);
        exchange.schedule(scheduler);
        try (Deadline.Scope scope = deadline.enter()) {
            chain.doFilter(exchange.request(), exchange.response());
        } catch (IOException | ServletException | RuntimeException failure) {
            exchange.settle();
            if (exchange.expired()) {
                // Answered already: the late failure must not become a second response.
                LOG.log(System.Logger.Level.DEBUG, "Request failed after its deadline", failure);
                return;
            }
            throw failure;
        }
        if (!request.isAsyncStarted()) {
            exchange.settle();
        }
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
