package dev.holdline.tck.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ties a TCK test to the numbered assertions of {@code docs/spec/*.md} that it checks, such as
 * {@code @Assertion({"CT-1.1", "CT-1.2"})}. The conformance report reads it at run time to build the
 * assertion x container matrix, so every test method must carry at least one id.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(Assertion.List.class)
public @interface Assertion {

    /** Assertion ids, e.g. {@code "LP-3.2"}: a prefix, a section number and an item number. */
    String[] value();

    /** Container for repeated {@link Assertion} annotations; not meant to be written by hand. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface List {
        Assertion[] value();
    }
}
