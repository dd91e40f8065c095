package dev.holdline.guard.deadline.cdi;

import dev.holdline.guard.deadline.DeadlineExceededException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The application's one timer for {@link Deadline} methods (a single daemon thread, stopped with the
 * application), and the budget of each method, read once.
 */
@ApplicationScoped
public class DeadlineTimer {

    private final Map<Method, Duration> budgets = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor scheduler;

    /** Starts the timer thread. */
    public DeadlineTimer() {
        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "holdline-deadline-timer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    Duration budget(InvocationContext invocation) {
        return budgets.computeIfAbsent(invocation.getMethod(), method -> {
            Deadline declared = declared(invocation, method);
            Duration budget = declared == null ? Duration.ofSeconds(30) : Duration.of(declared.value(), declared.unit());
            if (budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("@Deadline on " + method + " must be positive, was " + budget);
            }
            return budget;
        });
    }

    /** A stage that completes like {@code stage}, or fails with {@code exceeded} when {@code remaining} has passed first. */
    CompletableFuture<Object> bound(CompletionStage<?> stage, Duration remaining, DeadlineExceededException exceeded) {
        CompletableFuture<Object> bounded = new CompletableFuture<>();
        ScheduledFuture<?> timer = scheduler.schedule(() -> bounded.completeExceptionally(exceeded), remaining.toNanos(), TimeUnit.NANOSECONDS);
        stage.whenComplete((value, failure) -> {
            timer.cancel(false);
            if (failure == null) {
                bounded.complete(value);
            } else {
                bounded.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            }
        });
        return bounded;
    }

    private static Deadline declared(InvocationContext invocation, Method method) {
        Deadline onMethod = method.getAnnotation(Deadline.class);
        if (onMethod != null) {
            return onMethod;
        }
        Object target = invocation.getTarget();
        Deadline onBean = target == null ? null : target.getClass().getAnnotation(Deadline.class);
        return onBean != null ? onBean : method.getDeclaringClass().getAnnotation(Deadline.class);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
