package dev.holdline.guard.ratelimit;

import dev.holdline.http.InterceptorPriorities;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Takes a token for each call of a {@link RateLimited} method before it runs, or throws
 * {@link RateLimitExceededException} without running it. The buckets live in the application-scoped
 * {@link RateLimitedMethods}, since an interceptor instance lives only as long as its bean instance (one
 * request, for a request-scoped JAX-RS resource).
 */
@RateLimited
@Interceptor
@Priority(InterceptorPriorities.RATE_LIMITED)
public class RateLimitedInterceptor {

    private final RateLimitedMethods methods;

    @Inject
    RateLimitedInterceptor(RateLimitedMethods methods) {
        this.methods = methods;
    }

    @AroundInvoke
    Object limit(InvocationContext invocation) throws Exception {
        methods.acquire(invocation);
        return invocation.proceed();
    }
}
