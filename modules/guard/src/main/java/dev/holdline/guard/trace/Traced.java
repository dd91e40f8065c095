package dev.holdline.guard.trace;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a bean method (or every method of a bean) inside an OpenTelemetry span that is a child of the
 * current span, such as the server span of an OpenTelemetry agent. Without the OpenTelemetry API on the
 * class path the method simply runs. See docs/guard.md, "Tracing and metrics".
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Traced {

    /** The span's name; empty means {@code SimpleClassName.method}. */
    @Nonbinding
    String value() default "";
}
