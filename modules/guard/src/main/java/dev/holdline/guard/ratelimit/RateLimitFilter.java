package dev.holdline.guard.ratelimit;

import dev.holdline.guard.GuardResponses;
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
import java.util.Map;

/**
 * The servlet-filter twin of {@link RateLimited}: a token bucket per key for every request the filter is
 * mapped to. An allowed request gets {@code RateLimit-Policy} and {@code RateLimit} on its response and
 * goes on; a request over the limit is answered 429 with {@code Retry-After}, both fields and the
 * problem {@code rate-limited}, and never reaches the chain. Only {@code REQUEST} dispatches count, so a
 * forward, an error page or an async dispatch of the same request is not counted twice.
 *
 * <p>Settings ({@code holdline.guard.rate.*}: limit, window, key, header, policy, trusted-proxies,
 * forwarded-header, max-keys, idle-expiry, enabled) come from system properties, the filter's
 * init-params or context init-params; see docs/guard.md. The filter is opt-in. Its counters are in
 * {@link #stats()}; the instance is the servlet context attribute {@link #CONTEXT_ATTRIBUTE_PREFIX} plus
 * the filter name.
 */
public final class RateLimitFilter implements Filter {

    /** Prefix of the servlet context attribute that holds each initialised filter, by filter name. */
    public static final String CONTEXT_ATTRIBUTE_PREFIX = RateLimitFilter.class.getName() + ".";

    private static final System.Logger LOG = System.getLogger(RateLimitFilter.class.getName());

    private RateLimitSettings settings;
    private RateLimiter limiter;
    private KeyResolver keys;
    private ProblemTypes types;

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        try {
            settings = RateLimitSettings.from(filterConfig);
            types = ProblemTypes.fromConfig(HoldlineConfig.of(filterConfig.getServletContext()));
        } catch (IllegalArgumentException invalid) {
            throw new ServletException(invalid.getMessage(), invalid);
        }
        limiter = new RateLimiter(settings.policy(), settings.maxKeys(), settings.idleExpiry());
        keys = new KeyResolver(settings.key(), settings.header(), settings.addresses());
        String name = filterConfig.getFilterName();
        filterConfig.getServletContext().setAttribute(CONTEXT_ATTRIBUTE_PREFIX + name, this);
        LOG.log(System.Logger.Level.INFO, () -> "holdline RateLimitFilter '" + name + "': " + settings.describe());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (limiter == null || !settings.enabled() || req.getDispatcherType() != DispatcherType.REQUEST
                || !(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        RateLimitDecision decision = limiter.acquire(keys.keyOf(request));
        if (!decision.allowed()) {
            GuardResponses.write(request, response, decision.rejection(), types);
            return;
        }
        // Set before the chain runs: afterwards the response may be committed.
        for (Map.Entry<String, String> field : decision.fields().entrySet()) {
            response.setHeader(field.getKey(), field.getValue());
        }
        chain.doFilter(request, response);
    }

    /** The counters since {@code init}; all zero before it. */
    public RateLimitStats stats() {
        return limiter == null ? new RateLimitStats(0, 0, 0, 0, 0) : limiter.stats();
    }
}
