package dev.holdline.coalesce.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameters of a {@link Coalesced} method that make up its key; the others (a request
 * context, a logger, a trace handle) are left out. Without any marked parameter, every argument counts.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface CoalesceKey {
}
