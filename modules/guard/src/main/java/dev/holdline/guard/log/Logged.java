package dev.holdline.guard.log;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes one access-log line for every call of the annotated bean method (or of every business method of
 * the annotated bean, such as a JAX-RS resource) to the logger {@value AccessLog#LOGGER_NAME} at
 * {@code INFO}: the bean method, the HTTP method and path of the request it serves, the status, the
 * duration, the trace id and the outcome. Never logs credentials, cookies or query strings. Priority
 * {@link dev.holdline.http.InterceptorPriorities#LOGGED}: outermost, so a call refused by a guard is logged.
 * See docs/guard.md, "Access log".
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Logged {
}
