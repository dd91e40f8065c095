package dev.holdline.guard.log;

import dev.holdline.guard.GuardRejectedException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;

/**
 * The HTTP status a {@link Logged} call stands for, where the interceptor can know it: the status a
 * thrown {@link GuardRejectedException} is answered with, the status of a thrown JAX-RS
 * {@code WebApplicationException}'s response, the status of a returned JAX-RS {@code Response}, or for
 * any other normal return of a JAX-RS resource method 200 (an entity) or 204 (none); otherwise unknown
 * ({@code null}, logged as {@code status=-}). The JAX-RS API is looked for once, so that a CDI application
 * without JAX-RS never loads a JAX-RS type.
 */
final class CallStatus {

    private static final boolean JAXRS = present("jakarta.ws.rs.core.Response");

    private CallStatus() {
    }

    /**
     * The status for a call of {@code method} that returned {@code result} (or threw {@code failure}), or
     * {@code null}.
     */
    static Integer of(Method method, Object result, Throwable failure) {
        if (failure instanceof GuardRejectedException rejection) {
            return rejection.status();
        }
        return JAXRS ? JaxRs.status(method, result, failure) : null;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, CallStatus.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** Loaded only when the JAX-RS API is present. */
    private static final class JaxRs {
        static Integer status(Method method, Object result, Throwable failure) {
            if (failure instanceof WebApplicationException web && web.getResponse() != null) {
                return web.getResponse().getStatus();
            }
            if (failure == null && result instanceof Response response) {
                return response.getStatus();
            }
            if (failure == null && resourceMethod(method)) {
                // What JAX-RS answers for an entity or for none (void, null), unless a response filter changes it later.
                return result == null ? 204 : 200;
            }
            return null;
        }

        /** A JAX-RS resource method: one annotated with a request method designator such as {@code @GET}. */
        private static boolean resourceMethod(Method method) {
            for (java.lang.annotation.Annotation annotation : method.getAnnotations()) {
                if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                    return true;
                }
            }
            return false;
        }
    }
}
