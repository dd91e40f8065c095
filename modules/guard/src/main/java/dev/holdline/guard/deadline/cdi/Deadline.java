package dev.holdline.guard.deadline.cdi;

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
 * Gives each call of the annotated method (or of every business method of the annotated bean) a time
 * budget. While it runs, the budget is {@link dev.holdline.guard.deadline.Deadline#current()} (the
 * shorter of it and any enclosing deadline), for the code and its outbound calls
 * ({@link dev.holdline.guard.deadline.DeadlineHttp}).
 *
 * <p>Past the budget the caller gets {@link dev.holdline.guard.deadline.DeadlineExceededException}
 * (503 {@code deadline-exceeded} from a JAX-RS resource): at once, without calling the method, if the
 * enclosing deadline has already passed; at the deadline for a method returning a
 * {@code CompletionStage} or {@code CompletableFuture} (the returned stage fails then, whatever the
 * method's own stage does later); and, for a method that runs synchronously, when it returns or throws
 * late, its result discarded. A thread is never interrupted: the interceptor cannot stop code that
 * does not give up by itself, so a synchronous method should spend its budget through
 * {@code Deadline.current()}. Priority {@link dev.holdline.http.InterceptorPriorities#DEADLINE}.
 *
 * <p>Named like the {@link dev.holdline.guard.deadline.Deadline} type it sets, in a package of its own.
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Deadline {

    /** The budget, in {@link #unit()}; must be positive. */
    @Nonbinding
    long value() default 30_000;

    /** The unit of {@link #value()}. */
    @Nonbinding
    ChronoUnit unit() default ChronoUnit.MILLIS;
}
