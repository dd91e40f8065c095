package dev.holdline.coalesce.cdi;

import dev.holdline.http.InterceptorPriorities;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs {@link Coalesced} methods through one {@code Coalescer} per method, shared by every instance of
 * the bean (the {@link CoalescedMethods} registry is application-scoped, while interceptor instances
 * live as long as their bean instance).
 */
@Coalesced
@Interceptor
@Priority(InterceptorPriorities.COALESCED)
public class CoalescedInterceptor {

    private final CoalescedMethods methods;

    @Inject
    CoalescedInterceptor(CoalescedMethods methods) {
        this.methods = methods;
    }

    @AroundInvoke
    Object coalesce(InvocationContext invocation) throws Exception {
        CoalescedMethod method = methods.of(invocation);
        CallKey key = method.keyOf(invocation.getParameters());
        if (!method.returnsStage) {
            return method.coalescer.call(key, method.waitTimeout, invocation::proceed);
        }
        return method.coalescer.callAsync(key, method.waitTimeout, () -> {
            try {
                return (CompletionStage<?>) invocation.proceed();
            } catch (Exception failure) {
                return CompletableFuture.failedFuture(failure);
            }
        });
    }
}
