package dev.holdline.coalesce.cdi;

import dev.holdline.coalesce.CoalescerStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The coalesced methods of one application, each with its own coalescer: two methods never share an
 * execution even with equal arguments. Also where an application reads their counters.
 */
@ApplicationScoped
public class CoalescedMethods {

    private final Map<Method, CoalescedMethod> methods = new ConcurrentHashMap<>();

    CoalescedMethod of(InvocationContext invocation) {
        return methods.computeIfAbsent(invocation.getMethod(), method -> CoalescedMethod.of(method, settings(invocation, method)));
    }

    /** The counters of one coalesced method, or null if it has not been called yet. */
    public CoalescerStats stats(Method method) {
        CoalescedMethod coalesced = methods.get(method);
        return coalesced == null ? null : coalesced.coalescer.stats();
    }

    /**
     * The binding as declared: on the method, else on the bean class (or a superclass: the binding is
     * inherited); null when it came another way (a stereotype), which means the defaults.
     */
    private static Coalesced settings(InvocationContext invocation, Method method) {
        Coalesced onMethod = method.getAnnotation(Coalesced.class);
        if (onMethod != null) {
            return onMethod;
        }
        Object target = invocation.getTarget();
        Coalesced onBean = target == null ? null : target.getClass().getAnnotation(Coalesced.class);
        return onBean != null ? onBean : method.getDeclaringClass().getAnnotation(Coalesced.class);
    }
}
