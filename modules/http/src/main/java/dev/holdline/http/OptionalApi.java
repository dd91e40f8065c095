package dev.holdline.http;

import java.lang.reflect.Constructor;

/**
 * Loads the part of a module that uses an optional API (OpenTelemetry), so that the module works
 * without it: the implementation class, the only one that names the API's types, is created by
 * reflection and only after a probe class of the API was found, so no other class can fail to link.
 * When the API is absent or unusable the caller's no-op fallback is used instead.
 */
public final class OptionalApi {

    private static final System.Logger LOG = System.getLogger(OptionalApi.class.getName());

    private OptionalApi() {
    }

    /**
     * @param type           what the implementation implements
     * @param probeClass     a class of the optional API whose presence means the API is there
     * @param implementation the implementing class, with a no-argument constructor
     * @param loader         the module's own class loader
     * @param fallback       what to use without the API
     * @param what           for log lines, such as "holdline-guard tracing and metrics"
     * @param <T>            the implemented type
     * @return a new implementation, or {@code fallback}
     */
    public static <T> T load(Class<T> type, String probeClass, String implementation, ClassLoader loader, T fallback,
                             String what) {
        try {
            Class.forName(probeClass, false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            LOG.log(System.Logger.Level.DEBUG, () -> what + ": the optional API (" + probeClass + ") is absent; off");
            return fallback;
        }
        try {
            Constructor<?> constructor = Class.forName(implementation, true, loader).getDeclaredConstructor();
            // Implementations stay package-private in their module; only this reflective call reaches them.
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException unusable) {
            // An API too old for the calls made, or a broken one: off rather than failing the calls it observes.
            LOG.log(System.Logger.Level.WARNING, what + ": the optional API on the class path cannot be used; off", unusable);
            return fallback;
        }
    }
}
