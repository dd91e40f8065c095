package dev.holdline.guard.concurrency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ConcurrencyLimit} limiters of one application, one per annotated method or annotated bean
 * class; also where an application reads their counts.
 */
@ApplicationScoped
public class ConcurrencyLimits {

    private final Map<AnnotatedElement, ConcurrencyLimiter> limiters = new ConcurrentHashMap<>();

    ConcurrencyLimiter of(InvocationContext invocation) {
        Method method = invocation.getMethod();
        AnnotatedElement owner = owner(invocation, method);
        return limiters.computeIfAbsent(owner, element -> create(element, method));
    }

    /** The counts of the limit declared on this method, or null before its first call. */
    public ConcurrencyLimitStats stats(Method method) {
        ConcurrencyLimiter limiter = limiters.get(method);
        return limiter == null ? null : limiter.stats();
    }

    /** The counts of the limit declared on this bean class, or null before its first call. */
    public ConcurrencyLimitStats stats(Class<?> bean) {
        ConcurrencyLimiter limiter = limiters.get(bean);
        return limiter == null ? null : limiter.stats();
    }

    /** Where the binding is declared: the method, else the bean class or the superclass it is inherited from. */
    private static AnnotatedElement owner(InvocationContext invocation, Method method) {
        if (method.isAnnotationPresent(ConcurrencyLimit.class)) {
            return method;
        }
        Object target = invocation.getTarget();
        Class<?> type = target == null ? method.getDeclaringClass() : target.getClass();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getDeclaredAnnotation(ConcurrencyLimit.class) != null) {
                return c;
            }
        }
        return method.getDeclaringClass();
    }

    private static ConcurrencyLimiter create(AnnotatedElement owner, Method method) {
        ConcurrencyLimit limit = owner.getAnnotation(ConcurrencyLimit.class);
        String name = owner instanceof Method m ? m.getDeclaringClass().getSimpleName() + "." + m.getName()
                : ((Class<?>) owner).getSimpleName();
        if (limit == null) {
            return new ConcurrencyLimiter(name, 10, 0, Duration.ZERO, Duration.ofSeconds(1));
        }
        return new ConcurrencyLimiter(name, limit.max(), limit.queue(), Duration.of(limit.maxWait(), limit.unit()),
                Duration.ofSeconds(limit.retryAfter()));
    }
}
