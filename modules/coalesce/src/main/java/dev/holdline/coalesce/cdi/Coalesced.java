package dev.holdline.coalesce.cdi;

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
 * Concurrent calls of the annotated bean method (or of every business method of the annotated bean)
 * with equal arguments run once; every caller gets the one result or the one exception. The key is the
 * method and its arguments (compared with {@code equals}, arrays by content), or only the parameters
 * marked {@link CoalesceKey} when there are any. A method returning a {@code CompletionStage} or
 * {@code CompletableFuture} is coalesced until its stage completes.
 *
 * <p>Only for calls whose result every caller may see: idempotent reads that do not depend on who
 * calls. Priority {@link dev.holdline.http.InterceptorPriorities#COALESCED}: inside the guards.
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Coalesced {

    /** How long a caller that joined waits for the execution, in {@link #unit()}; 0 waits as long as it takes. */
    @Nonbinding
    long waitTimeout() default 0;

    /** How long a successful result also answers later calls with the same key, in {@link #unit()}; 0 for none. */
    @Nonbinding
    long ttl() default 0;

    /** The unit of {@link #waitTimeout()} and {@link #ttl()}. */
    @Nonbinding
    ChronoUnit unit() default ChronoUnit.MILLIS;
}
