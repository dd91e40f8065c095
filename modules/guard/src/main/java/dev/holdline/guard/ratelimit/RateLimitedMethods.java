package dev.holdline.guard.ratelimit;

import dev.holdline.http.HoldlineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate-limited methods of one application, each with buckets of its own, and where the application
 * reads their counters. It also finds the current HTTP request for the interceptor: through CDI's
 * built-in {@code HttpServletRequest} bean (Jakarta EE containers, Weld Servlet), which refers to the
 * request of the calling thread; without that bean, or outside a request, there is no client and every
 * call shares one bucket. The trusted proxies are the application's context init-params (or system
 * properties), read at the first call that has a request.
 */
@ApplicationScoped
public class RateLimitedMethods {

    private final Map<Method, RateLimitedMethod> methods = new ConcurrentHashMap<>();
    private final HttpServletRequest request;
    private volatile ClientAddresses addresses;

    /** For CDI's proxy. */
    protected RateLimitedMethods() {
        this.request = null;
    }

    @Inject
    RateLimitedMethods(Instance<HttpServletRequest> requests) {
        this.request = requests.isResolvable() ? requests.get() : null;
    }

    /** Takes a token for this call, or throws the rejection. */
    void acquire(InvocationContext invocation) {
        RateLimitedMethod method = methods.computeIfAbsent(invocation.getMethod(), m -> RateLimitedMethod.of(settings(invocation, m)));
        HttpServletRequest current = currentRequest();
        RateLimitDecision decision = method.limiter.acquire(method.keyOf(current, current == null ? null : addresses(current)));
        if (!decision.allowed()) {
            throw decision.rejection();
        }
    }

    /** The counters of one rate-limited method, or null if it has not been called yet. */
    public RateLimitStats stats(Method method) {
        RateLimitedMethod limited = methods.get(method);
        return limited == null ? null : limited.limiter.stats();
    }

    /** The request of this thread, or null outside one (the built-in bean then refuses to answer). */
    private HttpServletRequest currentRequest() {
        if (request == null) {
            return null;
        }
        try {
            request.getDispatcherType();
            return request;
        } catch (RuntimeException noRequest) {
            return null;
        }
    }

    private ClientAddresses addresses(HttpServletRequest current) {
        ClientAddresses found = addresses;
        if (found == null) {
            ServletContext context = current.getServletContext();
            found = RateLimitSettings.addresses(HoldlineConfig.of(context));
            addresses = found;
        }
        return found;
    }

    /**
     * The binding as declared: on the method, else on the bean class (or a superclass: the binding is
     * inherited); null when it came another way (a stereotype), which means the defaults.
     */
    private static RateLimited settings(InvocationContext invocation, Method method) {
        RateLimited onMethod = method.getAnnotation(RateLimited.class);
        if (onMethod != null) {
            return onMethod;
        }
        Object target = invocation.getTarget();
        RateLimited onBean = target == null ? null : target.getClass().getAnnotation(RateLimited.class);
        return onBean != null ? onBean : method.getDeclaringClass().getAnnotation(RateLimited.class);
    }

    /** One method's limiter and how its keys are found. */
    private static final class RateLimitedMethod {
        final RateLimiter limiter;
        final RateLimitKey kind;
        final String header;
        private volatile KeyResolver resolver;

        private RateLimitedMethod(RateLimiter limiter, RateLimitKey kind, String header) {
            this.limiter = limiter;
            this.kind = kind;
            this.header = header;
        }

        static RateLimitedMethod of(RateLimited binding) {
            RateLimitKey kind = binding == null ? RateLimitKey.CLIENT_IP : binding.key();
            String header = binding == null ? "" : binding.header();
            if (kind == RateLimitKey.HEADER && header.isBlank()) {
                throw new IllegalArgumentException("@RateLimited(key = HEADER) needs header = \"<name>\"");
            }
            RateLimitPolicy policy = binding == null
                    ? new RateLimitPolicy(RateLimitPolicy.DEFAULT_NAME, 100, Duration.ofMinutes(1))
                    : new RateLimitPolicy(binding.policy(), binding.limit(), Duration.of(binding.window(), binding.unit()));
            int maxKeys = binding == null ? RateLimitPolicy.DEFAULT_MAX_KEYS : binding.maxKeys();
            return new RateLimitedMethod(new RateLimiter(policy, maxKeys, policy.window()), kind, header);
        }

        String keyOf(HttpServletRequest request, ClientAddresses addresses) {
            if (request == null) {
                return kind == RateLimitKey.GLOBAL ? KeyResolver.GLOBAL : KeyResolver.NO_REQUEST;
            }
            KeyResolver found = resolver;
            if (found == null) {
                found = new KeyResolver(kind, header, addresses);
                resolver = found;
            }
            return found.keyOf(request);
        }
    }
}
