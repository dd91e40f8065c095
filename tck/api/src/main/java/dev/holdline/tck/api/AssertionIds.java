package dev.holdline.tck.api;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads the {@link Assertion} ids declared on a test method and its class. */
public final class AssertionIds {

    /** The shape of an id: an upper-case prefix, then dot-separated numbers ({@code CT-1.2}). */
    public static final Pattern ID = Pattern.compile("[A-Z]{2,}-\\d+(\\.\\d+)*");

    private AssertionIds() {
    }

    /**
     * Every id on the method plus every id on its declaring class, sorted.
     *
     * @throws IllegalArgumentException if an id is not of the form {@link #ID}
     */
    public static Set<String> of(Method testMethod) {
        Set<String> ids = new TreeSet<>();
        collect(testMethod.getDeclaringClass(), ids);
        collect(testMethod, ids);
        return ids;
    }

    private static void collect(AnnotatedElement element, Set<String> into) {
        for (Assertion assertion : element.getAnnotationsByType(Assertion.class)) {
            Arrays.stream(assertion.value()).forEach(id -> {
                if (!ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("Malformed assertion id '" + id + "' on " + element
                            + ": expected e.g. CT-1.2");
                }
                into.add(id);
            });
        }
    }
}
