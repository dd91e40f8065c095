package dev.holdline.arquillian.undertow;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * WAR-first ("child-first") class loader over {@code WEB-INF/classes} and {@code WEB-INF/lib}, like a servlet
 * container's webapp loader: a deployment's own copy of a library wins over the one on the test class path.
 * <p>
 * Three kinds of classes never come from the WAR, because the container and the application must agree on them:
 * JDK classes (a WAR must not be able to shadow {@code java.*} or {@code javax.xml.*}), the Servlet API, and the
 * container's own packages (Undertow, XNIO, WildFly common and client config, JBoss Threads), so that for example Weld's
 * {@code io.undertow.servlet.ServletExtension} found through {@link java.util.ServiceLoader} in the WAR implements
 * the very interface Undertow loaded. For those the parent is asked first and the WAR only as a fallback.
 */
final class WebAppClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final List<String> CONTAINER_PREFIXES = List.of(
            "java.",
            "jakarta.servlet.",
            "io.undertow.",
            "org.xnio.",
            "org.wildfly.",
            "org.jboss.threads.");

    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();

    WebAppClassLoader(String name, URL[] classPath, ClassLoader parent) {
        super(name, classPath, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = loadUnloaded(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private Class<?> loadUnloaded(String name) throws ClassNotFoundException {
        if (isJdkClass(name)) {
            return platform.loadClass(name);
        }
        if (isContainerClass(name)) {
            try {
                return getParent().loadClass(name);
            } catch (ClassNotFoundException notShared) {
                return findClass(name);
            }
        }
        try {
            return findClass(name);
        } catch (ClassNotFoundException notInWar) {
            return getParent().loadClass(name);
        }
    }

    @Override
    public URL getResource(String name) {
        if (isContainerResource(name)) {
            URL url = getParent().getResource(name);
            return url != null ? url : findResource(name);
        }
        URL url = findResource(name);
        return url != null ? url : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        // WAR resources first, so ServiceLoader and friends see the application's providers before the parent's
        List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
        urls.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(urls);
    }

    private boolean isJdkClass(String name) {
        if (name.startsWith("java.")) {
            return true;
        }
        // asking for the class file avoids the cost of a ClassNotFoundException on every application class
        return platform.getResource(name.replace('.', '/') + ".class") != null;
    }

    private static boolean isContainerClass(String name) {
        for (String prefix : CONTAINER_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isContainerResource(String resourceName) {
        String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        return name.endsWith(".class") && isContainerClass(name.replace('/', '.'));
    }
}
