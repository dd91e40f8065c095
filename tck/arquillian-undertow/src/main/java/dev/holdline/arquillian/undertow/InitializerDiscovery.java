package dev.holdline.arquillian.undertow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.annotation.HandlesTypes;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import io.undertow.servlet.api.ServletContainerInitializerInfo;

/**
 * Finds the {@link ServletContainerInitializer}s a WAR declares in {@code META-INF/services} (in
 * {@code WEB-INF/classes} and its libraries, never the test class path) and computes the classes each one's
 * {@link HandlesTypes} asks for, from a Jandex index of the whole WAR.
 * <p>
 * A class qualifies when it extends or implements a named type, or carries a named annotation on the class or
 * on one of its members. Runs regardless of {@code metadata-complete}, as the specification requires.
 * A class outside the WAR (a superclass on the container's class path) is not indexed, so subclasses reached
 * only through it are missed.
 */
final class InitializerDiscovery {

    private static final System.Logger LOG = System.getLogger(InitializerDiscovery.class.getName());
    private static final String SERVICE = "META-INF/services/" + ServletContainerInitializer.class.getName();

    List<ServletContainerInitializerInfo> discover(WebAppClassLoader loader, IndexView warIndex) throws IOException {
        List<ServletContainerInitializerInfo> result = new ArrayList<>();
        for (String className : declaredInitializers(loader)) {
            Class<? extends ServletContainerInitializer> type;
            try {
                type = Class.forName(className, false, loader).asSubclass(ServletContainerInitializer.class);
            } catch (ClassNotFoundException | LinkageError | ClassCastException e) {
                throw new IOException("Cannot load ServletContainerInitializer " + className, e);
            }
            HandlesTypes handles = type.getAnnotation(HandlesTypes.class);
            Set<Class<?>> classes = handles == null ? null : matching(handles.value(), warIndex, loader);
            // the Servlet API passes null, not an empty set, when nothing matches
            result.add(new ServletContainerInitializerInfo(type, classes == null || classes.isEmpty() ? null : classes));
        }
        return result;
    }

    private static Set<String> declaredInitializers(WebAppClassLoader loader) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        // findResources, not getResources: initializers on the test class path do not belong to this WAR
        Enumeration<URL> files = loader.findResources(SERVICE);
        while (files.hasMoreElements()) {
            URL file = files.nextElement();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    int comment = line.indexOf('#');
                    String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    private static Set<Class<?>> matching(Class<?>[] wanted, IndexView index, ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> type : wanted) {
            DotName name = DotName.createSimple(type.getName());
            if (type.isAnnotation()) {
                for (AnnotationInstance a : index.getAnnotations(name)) {
                    ClassInfo owner = owner(a.target());
                    if (owner != null) {
                        names.add(owner.name().toString());
                    }
                }
            } else if (type.isInterface()) {
                addAll(names, index.getAllKnownImplementors(name));
            } else {
                addAll(names, index.getAllKnownSubclasses(name));
            }
        }
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // an optional dependency of the library is missing; the class cannot be used anyway
                LOG.log(Level.DEBUG, "Not passing {0} to an initializer: {1}", name, e);
            }
        }
        return classes;
    }

    private static ClassInfo owner(AnnotationTarget target) {
        return switch (target.kind()) {
            case CLASS -> target.asClass();
            case METHOD -> target.asMethod().declaringClass();
            case FIELD -> target.asField().declaringClass();
            case METHOD_PARAMETER -> target.asMethodParameter().method().declaringClass();
            default -> null;
        };
    }

    private static void addAll(Set<String> names, Collection<ClassInfo> classes) {
        for (ClassInfo c : classes) {
            names.add(c.name().toString());
        }
    }
}
