package dev.holdline.guard.log;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module without the OpenTelemetry API, as in a WAR that does not bundle it: the test class path
 * minus every {@code io.opentelemetry} jar, in a class loader of its own whose parent is the platform
 * loader (so nothing leaks in from this JVM's class path), runs {@link WithoutOpenTelemetryScenario}.
 * A separate class loader rather than a separate surefire execution, so that it holds however the tests
 * are selected.
 */
class WithoutOpenTelemetryTest {

    @Test
    void beansAndFiltersWorkAndTelemetryIsANoOp() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> kept = new ArrayList<>();
        int dropped = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (path.toString().replace('\\', '/').contains("/io/opentelemetry/")) {
                dropped++;
            } else {
                kept.add(path.toUri().toURL());
            }
        }
        assertTrue(dropped > 0, "the OpenTelemetry jars were on the class path: " + classPath);
        assertFalse(kept.isEmpty());

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader withoutApi = new URLClassLoader(kept.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("io.opentelemetry.api.GlobalOpenTelemetry", false, withoutApi));
            thread.setContextClassLoader(withoutApi);
            Runnable scenario = (Runnable) withoutApi.loadClass(WithoutOpenTelemetryScenario.class.getName())
                    .getDeclaredConstructor().newInstance();
            scenario.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
