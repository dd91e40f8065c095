package dev.holdline.guard.log;

import dev.holdline.guard.GuardRejectedException;
import dev.holdline.guard.trace.CallOutcome;
import dev.holdline.guard.trace.GuardTelemetry;
import dev.holdline.guard.trace.InvokedMethod;
import dev.holdline.http.InterceptorPriorities;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Writes the access-log line of a {@link Logged} call when it returns, throws, or (for a method returning a
 * {@link CompletionStage}) when its stage completes:
 * <pre>
 * method=GET path=/shop/api/orders/7 status=429 duration_ms=0.412 trace_id=4bf9... outcome=rejected target=com.example.Orders.get problem=rate-limited exception=dev.holdline.guard.rate.RateLimitedException
 * </pre>
 * {@code method} and {@code path} (without query) come from the HTTP request the call serves, through the
 * CDI container's built-in {@code HttpServletRequest} bean, and are left out outside a request. The status
 * is what {@link CallStatus} can tell, else {@code -}. The trace id is the current span's when the call
 * starts. The exception propagates unchanged; the line never carries its message (which may hold data).
 */
@Logged
@Interceptor
@Priority(InterceptorPriorities.LOGGED)
public class LoggedInterceptor {

    static final String OBSERVER = "logged";

    private final Instance<HttpServletRequest> requests;

    @Inject
    LoggedInterceptor(Instance<HttpServletRequest> requests) {
        this.requests = requests;
    }

    @AroundInvoke
    Object log(InvocationContext invocation) throws Exception {
        long start = System.nanoTime();
        Call call = new Call(InvokedMethod.of(invocation), start, GuardTelemetry.currentTraceId().orElse(null));
        readRequest(call);
        Object result;
        try {
            result = invocation.proceed();
        } catch (Exception | Error failure) {
            call.end(null, failure);
            throw failure;
        }
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((value, failure) -> call.end(value, failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure));
        } else {
            call.end(result, null);
        }
        return result;
    }

    private void readRequest(Call call) {
        try {
            if (requests.isResolvable()) {
                HttpServletRequest request = requests.get();
                call.method = request.getMethod();
                call.path = request.getRequestURI();
            }
        } catch (ContextNotActiveException | IllegalStateException outsideRequest) {
            // Called outside an HTTP request (a scheduled job, a message): no method or path to log.
        }
    }

    /** What is known of one call when it ends. */
    private static final class Call {
        final InvokedMethod target;
        final long start;
        final String traceId;
        String method;
        String path;

        Call(InvokedMethod target, long start, String traceId) {
            this.target = target;
            this.start = start;
            this.traceId = traceId;
        }

        void end(Object result, Throwable failure) {
            long nanos = System.nanoTime() - start;
            CallOutcome outcome = CallOutcome.of(failure);
            GuardTelemetry.duration(OBSERVER, target.qualified(), outcome, nanos);
            if (!AccessLog.enabled()) {
                return;
            }
            Integer status = CallStatus.of(result, failure);
            AccessLog.write(new AccessLogLine()
                    .field("method", method)
                    .field("path", path)
                    .field("status", status == null ? "-" : status)
                    .field("duration_ms", AccessLog.millis(nanos))
                    .field("trace_id", traceId)
                    .field("outcome", outcome.label())
                    .field("target", target.qualified())
                    .field("problem", failure instanceof GuardRejectedException rejection ? rejection.problemName() : null)
                    .field("exception", failure == null ? null : failure.getClass().getName()));
        }
    }
}
