package dev.holdline.guard.deadline.cdi;

import dev.holdline.guard.GuardRejectedException;
import dev.holdline.http.InterceptorPriorities;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs {@link Deadline} methods within their budget, as the binding describes: the deadline is current
 * while the method runs; an exhausted enclosing deadline refuses the call; a late synchronous result is
 * replaced by {@code DeadlineExceededException}; a returned stage fails at the deadline.
 */
@Deadline
@Interceptor
@Priority(InterceptorPriorities.DEADLINE)
public class DeadlineInterceptor {

    private final DeadlineTimer timer;

    @Inject
    DeadlineInterceptor(DeadlineTimer timer) {
        this.timer = timer;
    }

    @AroundInvoke
    Object withinDeadline(InvocationContext invocation) throws Exception {
        var own = dev.holdline.guard.deadline.Deadline.after(timer.budget(invocation));
        String call = invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
        try (var scope = own.enter()) {
            var effective = scope.deadline();
            if (effective.expired()) {
                throw effective.exceeded(call);
            }
            Object result;
            try {
                result = invocation.proceed();
            } catch (Exception failure) {
                if (effective.expired() && !(failure instanceof GuardRejectedException)) {
                    throw effective.exceeded(call);
                }
                throw failure;
            }
            if (result instanceof CompletionStage<?> stage
                    && invocation.getMethod().getReturnType().isAssignableFrom(CompletableFuture.class)) {
                return timer.bound(stage, effective.remaining(), effective.exceeded(call));
            }
            if (effective.expired()) {
                throw effective.exceeded(call);
            }
            return result;
        }
    }
}
