package dev.holdline.tck.container.cdi;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Deployed: the {@link Bracketed} interceptor, enabled for the application by {@code @Priority}.
 * Its effect is visible in the response body, so a client can tell whether it ran.
 */
@Bracketed
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class BracketingInterceptor {

    @AroundInvoke
    public Object bracket(InvocationContext invocation) throws Exception {
        return "[" + invocation.proceed() + "]";
    }
}
