package dev.holdline.guard.concurrency;

import dev.holdline.http.InterceptorPriorities;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletionStage;

/**
 * Runs {@link ConcurrencyLimit} methods within their limiter: a slot is taken before the call and given
 * back when it returns or throws, or, for a {@code CompletionStage} result, when the stage completes.
 */
@ConcurrencyLimit
@Interceptor
@Priority(InterceptorPriorities.CONCURRENCY_LIMIT)
public class ConcurrencyLimitInterceptor {

    private final ConcurrencyLimits limits;

    @Inject
    ConcurrencyLimitInterceptor(ConcurrencyLimits limits) {
        this.limits = limits;
    }

    @AroundInvoke
    Object limit(InvocationContext invocation) throws Exception {
        ConcurrencyLimiter.Permit permit = limits.of(invocation).acquire();
        boolean handedToStage = false;
        try {
            Object result = invocation.proceed();
            if (result instanceof CompletionStage<?> stage) {
                stage.whenComplete((value, failure) -> permit.release());
                handedToStage = true;
            }
            return result;
        } finally {
            if (!handedToStage) {
                permit.release();
            }
        }
    }
}
