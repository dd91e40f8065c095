package dev.holdline.guard.trace;

import dev.holdline.guard.GuardRejectedException;
import dev.holdline.http.InterceptorPriorities;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Runs a {@link Traced} method inside a span that is a child of the current span (an agent's server
 * span, or whatever span the caller made current), through {@link GuardTelemetry}: without the
 * OpenTelemetry API the method simply runs. A method returning a {@link CompletionStage} is traced until
 * its stage completes; the span ends then, and the stage is returned unchanged.
 *
 * <p>Attributes: {@code code.function.name} (the bean class's name and the method), and on the end,
 * {@code holdline.guard.outcome}; a guard rejection also sets {@code holdline.guard.problem} and
 * {@code http.response.status_code}. An exception is recorded on the span; the status is set to error for
 * every exception except a rejection answered with a 4xx status (such as 429), which is an expected answer.
 */
@Traced
@Interceptor
@Priority(InterceptorPriorities.TRACED)
public class TracedInterceptor {

    static final String OBSERVER = "traced";

    @AroundInvoke
    Object trace(InvocationContext invocation) throws Exception {
        InvokedMethod method = InvokedMethod.of(invocation);
        Traced binding = InvokedMethod.binding(invocation, Traced.class);
        String name = binding == null || binding.value().isBlank() ? method.simple() : binding.value();
        long start = System.nanoTime();
        TelemetrySpan span = GuardTelemetry.startChild(name, Map.of("code.function.name", method.qualified()));
        Object result;
        try (TelemetrySpan.Scope ignored = span.makeCurrent()) {
            result = invocation.proceed();
        } catch (Exception | Error failure) {
            end(span, method, start, failure);
            throw failure;
        }
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((value, failure) -> end(span, method, start, unwrap(failure)));
        } else {
            end(span, method, start, null);
        }
        return result;
    }

    private static void end(TelemetrySpan span, InvokedMethod method, long start, Throwable failure) {
        CallOutcome outcome = CallOutcome.of(failure);
        boolean error = failure != null;
        if (failure instanceof GuardRejectedException rejection) {
            span.attribute("holdline.guard.problem", rejection.problemName());
            span.attribute("http.response.status_code", rejection.status());
            error = rejection.status() >= 500;
        }
        span.finish(outcome, failure, error);
        span.end();
        GuardTelemetry.duration(OBSERVER, method.qualified(), outcome, System.nanoTime() - start);
    }

    /** The failure a stage completed with, without the {@link CompletionException} that dependent stages add. */
    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
