package dev.holdline.tck.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test (or a whole test class) that only makes sense on a container with the named
 * {@link Capability capabilities}. On a container without one, the test is skipped with a reason
 * starting with {@value CapabilityCondition#NOT_APPLICABLE}, which the conformance report shows as
 * "not applicable".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ExtendWith(CapabilityCondition.class)
public @interface RequiresCapability {

    /** Capability names, all of which are required. */
    String[] value();
}
