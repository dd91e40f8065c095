package dev.holdline.guard.concurrency;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * At most {@link #max()} calls of the annotated method run at once; further callers wait in a queue of
 * {@link #queue()} places for at most {@link #maxWait()}, or are refused with
 * {@link ConcurrencyLimitExceededException} (503, {@code Retry-After}, problem {@code concurrency-limit}).
 *
 * <p>The limit belongs to where the annotation is: on a method, that method has its own slots; on a bean
 * class, all its business methods share one set of slots. Either way it is shared by every instance of
 * the bean in the application. A method returning a {@code CompletionStage} holds its slot until the stage
 * completes. A queued caller blocks its thread while it waits. Priority
 * {@link dev.holdline.http.InterceptorPriorities#CONCURRENCY_LIMIT}.
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ConcurrencyLimit {

    /** Calls running at once. */
    @Nonbinding
    int max() default 10;

    /** Callers that may wait for a slot; 0 refuses at once when all slots are held. */
    @Nonbinding
    int queue() default 0;

    /** How long a queued caller waits at most, in {@link #unit()}. */
    @Nonbinding
    long maxWait() default 1000;

    /** The {@code Retry-After} of a refusal, in seconds. */
    @Nonbinding
    long retryAfter() default 1;

    /** The unit of {@link #maxWait()}. */
    @Nonbinding
    ChronoUnit unit() default ChronoUnit.MILLIS;
}
