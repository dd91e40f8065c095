package dev.holdline.reply;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * Keeps the request a thread is serving, so that {@link Operations#submit(String, String, OperationTask)}
 * and the JAX-RS replies can read its {@code Idempotency-Key}, principal and URL without every caller
 * passing it along. Registered by {@link ReplyInitializer}; a JAX-RS resource method runs on the
 * request's thread, which is all this needs.
 */
public final class CurrentRequest implements ServletRequestListener {

    private static final ThreadLocal<HttpServletRequest> REQUEST = new ThreadLocal<>();

    /** @return the HTTP request this thread is serving, if any */
    public static Optional<HttpServletRequest> get() {
        return Optional.ofNullable(REQUEST.get());
    }

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        ServletRequest request = event.getServletRequest();
        if (request instanceof HttpServletRequest http) {
            REQUEST.set(http);
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        // Pooled threads outlive requests: a stale request must never answer for the next one.
        REQUEST.remove();
    }
}
