package dev.holdline.guard.log;

import dev.holdline.guard.GuardRejectedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP status a {@link Logged} call stands for, where the interceptor can know it: the status a
 * thrown {@link GuardRejectedException} is answered with, the status of a thrown JAX-RS
 * {@code WebApplicationException}'s response, or the status of a returned JAX-RS {@code Response};
 * otherwise unknown ({@code null}, logged as {@code status=-}). The JAX-RS API is looked for once, so that
 * a CDI application without JAX-RS never loads a JAX-RS type.
 */
final class CallStatus {

    private static final boolean JAXRS = present("jakarta.ws.rs.core.Response");

    private CallStatus() {
    }

    /** The status for a call that returned {@code result} (or threw {@code failure}), or {@code null}. */
    static Integer of(Object result, Throwable failure) {
        if (failure instanceof GuardRejectedException rejection) {
            return rejection.status();
        }
        return JAXRS ? JaxRs.status(result, failure) : null;
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
        static Integer status(Object result, Throwable failure) {
            if (failure instanceof WebApplicationException web && web.getResponse() != null) {
                return web.getResponse().getStatus();
            }
            if (failure == null && result instanceof Response response) {
                return response.getStatus();
            }
            return null;
        }
    }
}
