package dev.holdline.tck.report;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.AssertionIds;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Finds, by reflection, the test methods of test classes and the assertion ids they carry. Classes
 * are loaded by name without being initialised, so that a test class's static state (a container
 * handle, a deployment) is never touched.
 */
final class TestCatalog {

    /** JUnit Jupiter annotations that make a method a test, directly or as meta-annotations. */
    static final Set<String> TEST_ANNOTATIONS = Set.of(
            "org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest",
            "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory",
            "org.junit.jupiter.api.TestTemplate");

    private static final String NESTED = "org.junit.jupiter.api.Nested";

    private static final System.Logger LOG = System.getLogger(TestCatalog.class.getName());

    private final ClassLoader loader;
    private final Problems problems;
    private final Map<String, Optional<Class<?>>> classes = new HashMap<>();
    private final Map<Class<?>, SortedMap<String, Set<String>>> tests = new HashMap<>();

    TestCatalog(ClassLoader loader, Problems problems) {
        this.loader = loader;
        this.problems = problems;
    }

    /**
     * The assertion ids of a reported test, or empty (and a problem) when its class or method cannot
     * be found.
     */
    Optional<Set<String>> idsOf(TestId test) {
        Optional<Class<?>> testClass = load(test.className());
        if (testClass.isEmpty()) {
            return Optional.empty();
        }
        Set<String> ids = testsOf(testClass.get()).get(test.methodName());
        if (ids != null) {
            return Optional.of(ids);
        }
        // Reported but not recognised as a test: perhaps a test annotation this report does not know.
        Set<String> fromAnyMethod = new TreeSet<>(NaturalOrder.INSTANCE);
        boolean found = false;
        try {
            for (Method method : hierarchyMethods(testClass.get())) {
                if (method.getName().equals(test.methodName())) {
                    found = true;
                    fromAnyMethod.addAll(ids(testClass.get(), method));
                }
            }
        } catch (LinkageError | TypeNotPresentException e) {
            problems.add("Cannot inspect the methods of " + test.className() + ": " + e);
            return Optional.empty();
        }
        if (!found) {
            problems.add("Test method " + test + " from the results does not exist in the class on the report's class path"
                    + " (is the suite jar out of date?)");
            return Optional.empty();
        }
        return Optional.of(fromAnyMethod);
    }

    /**
     * The test methods of a reported class: for an entry that stands for the whole class. Empty (and
     * a problem) when the class cannot be found.
     */
    Optional<SortedMap<String, Set<String>>> testsOf(String className) {
        return load(className).map(this::testsOf);
    }

    /**
     * The test methods of a class of the suite that JUnit would run on its own, or empty for
     * abstract classes, interfaces and other classes that are not test classes.
     */
    SortedMap<String, Set<String>> testsOfSuiteClass(String className) {
        List<String> trouble = new ArrayList<>();
        Optional<Class<?>> loaded = load(className, trouble::add);
        SortedMap<String, Set<String>> found = loaded.isPresent() && isRunnable(loaded.get())
                ? testsOf(loaded.get(), trouble::add)
                : new TreeMap<>();
        if (!trouble.isEmpty()) {
            // A suite also holds servlets and beans that need APIs only a container has; their
            // failures matter only if they could be tests.
            if (mentionsJupiter(className)) {
                trouble.forEach(problems::add);
            } else {
                trouble.forEach(message -> LOG.log(Level.DEBUG, "Ignored, not a test class: {0}", message));
            }
        }
        return found;
    }

    /** Whether the class file names a JUnit Jupiter type, as every class declaring a test does. */
    private boolean mentionsJupiter(String className) {
        try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            return in != null && new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains("org/junit/jupiter/");
        } catch (IOException e) {
            return true;
        }
    }

    private Optional<Class<?>> load(String className) {
        return load(className, problems::add);
    }

    private Optional<Class<?>> load(String className, Consumer<String> report) {
        return classes.computeIfAbsent(className, name -> {
            try {
                return Optional.of(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                report.accept("Test class " + name + " is not on the report's class path"
                        + " (is it in the suite jar, a dependency of tck/report?)");
            } catch (LinkageError e) {
                report.accept("Test class " + name + " cannot be loaded: " + e);
            }
            return Optional.empty();
        });
    }

    private SortedMap<String, Set<String>> testsOf(Class<?> testClass) {
        return testsOf(testClass, problems::add);
    }

    private SortedMap<String, Set<String>> testsOf(Class<?> testClass, Consumer<String> report) {
        return tests.computeIfAbsent(testClass, type -> findTests(type, report));
    }

    private SortedMap<String, Set<String>> findTests(Class<?> testClass, Consumer<String> report) {
        SortedMap<String, Set<String>> found = new TreeMap<>(NaturalOrder.INSTANCE);
        Set<String> signatures = new HashSet<>();
        try {
            for (Method method : hierarchyMethods(testClass)) {
                // The most specific declaration wins: an override without @Test is no longer a test.
                if (!signatures.add(method.getName() + Arrays.toString(method.getParameterTypes()))) {
                    continue;
                }
                int modifiers = method.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers) || method.isSynthetic()
                        || !isTest(method)) {
                    continue;
                }
                // Overloads share a name in the reports, so their ids are merged.
                found.computeIfAbsent(method.getName(), name -> new TreeSet<>(NaturalOrder.INSTANCE))
                        .addAll(ids(testClass, method));
            }
        } catch (LinkageError | TypeNotPresentException e) {
            report.accept("Cannot inspect the methods of " + testClass.getName() + ": " + e);
        }
        return found;
    }

    /** Declared methods of the class, its superclasses and its interfaces, most specific first. */
    private static List<Method> hierarchyMethods(Class<?> testClass) {
        Set<Method> methods = new LinkedHashSet<>();
        Deque<Class<?>> interfaces = new ArrayDeque<>();
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            methods.addAll(Arrays.asList(c.getDeclaredMethods()));
            interfaces.addAll(Arrays.asList(c.getInterfaces()));
        }
        Set<Class<?>> seen = new HashSet<>();
        while (!interfaces.isEmpty()) {
            Class<?> type = interfaces.removeFirst();
            if (seen.add(type)) {
                methods.addAll(Arrays.asList(type.getDeclaredMethods()));
                interfaces.addAll(Arrays.asList(type.getInterfaces()));
            }
        }
        // getDeclaredMethods has no defined order; sorting keeps problem messages and merges stable.
        return methods.stream()
                .sorted(Comparator.<Method>comparingInt(m -> depth(testClass, m.getDeclaringClass()))
                        .thenComparing(Method::toString))
                .toList();
    }

    private static int depth(Class<?> testClass, Class<?> declaring) {
        int depth = 0;
        for (Class<?> c = testClass; c != null; c = c.getSuperclass(), depth++) {
            if (c == declaring) {
                return depth;
            }
        }
        return Integer.MAX_VALUE; // interfaces come after every class
    }

    /**
     * The method's and its declaring class's ids (via {@link AssertionIds#of}), plus those of the
     * class that was run when it inherits the method.
     */
    private Set<String> ids(Class<?> testClass, Method method) {
        Set<String> ids = new TreeSet<>(NaturalOrder.INSTANCE);
        try {
            ids.addAll(AssertionIds.of(method));
        } catch (IllegalArgumentException e) {
            // Keep the well-formed ids so that one typo does not hide the test's other assertions.
            ids.addAll(wellFormedIds(method.getDeclaringClass()));
            ids.addAll(wellFormedIds(method));
        }
        if (testClass != method.getDeclaringClass()) {
            ids.addAll(wellFormedIds(testClass));
        }
        return ids;
    }

    private Set<String> wellFormedIds(AnnotatedElement element) {
        Set<String> ids = new TreeSet<>(NaturalOrder.INSTANCE);
        for (Assertion assertion : element.getAnnotationsByType(Assertion.class)) {
            for (String id : assertion.value()) {
                if (AssertionIds.ID.matcher(id).matches()) {
                    ids.add(id);
                } else {
                    problems.add("Malformed assertion id '" + id + "' on " + element + ": expected e.g. CT-1.2");
                }
            }
        }
        return ids;
    }

    private static boolean isTest(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (isTestAnnotation(annotation.annotationType(), new HashSet<>())) {
                return true;
            }
        }
        return false;
    }

    /** Also true for composed annotations, such as a suite's own {@code @Test}-annotated annotation. */
    private static boolean isTestAnnotation(Class<? extends Annotation> type, Set<Class<?>> seen) {
        if (TEST_ANNOTATIONS.contains(type.getName())) {
            return true;
        }
        if (!seen.add(type) || type.getName().startsWith("java.lang.annotation.")) {
            return false;
        }
        for (Annotation meta : type.getAnnotations()) {
            if (isTestAnnotation(meta.annotationType(), seen)) {
                return true;
            }
        }
        return false;
    }

    /** Whether JUnit would instantiate the class: concrete, and not an inner class unless {@code @Nested}. */
    private static boolean isRunnable(Class<?> type) {
        if (type.isInterface() || type.isAnnotation() || type.isEnum() || type.isAnonymousClass() || type.isLocalClass()
                || type.isSynthetic() || Modifier.isAbstract(type.getModifiers())) {
            return false;
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            return Arrays.stream(type.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(NESTED));
        }
        return true;
    }
}
