package dev.holdline.guard.trace;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Calls back once when a request is over, for the observing filters: when the chain returns, or, for a
 * request that went asynchronous, when its {@code AsyncContext} completes (after a timeout or error
 * too). The status reported is the response's; a chain that threw before the response was committed is
 * reported as 500, which is what the container answers.
 */
public final class RequestCompletion {

    /** What to do when the request is over. */
    @FunctionalInterface
    public interface Callback {
        /**
         * @param status  the response status
         * @param failure what the chain (or the asynchronous processing) failed with, or {@code null}
         */
        void done(int status, Throwable failure);
    }

    private RequestCompletion() {
    }

    /**
     * After the chain has run (or thrown {@code failure}): calls back now, or registers to call back when
     * the asynchronous request completes.
     */
    public static void afterChain(HttpServletRequest request, HttpServletResponse response, Throwable failure, Callback callback) {
        if (failure == null && request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new Listener(response, callback));
            return;
        }
        callback.done(failure != null && !response.isCommitted() ? 500 : response.getStatus(), failure);
    }

    private static final class Listener implements AsyncListener {
        private final HttpServletResponse response;
        private final Callback callback;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile Throwable failure;

        Listener(HttpServletResponse response, Callback callback) {
            this.response = response;
            this.callback = callback;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            if (done.compareAndSet(false, true)) {
                callback.done(response.getStatus(), failure);
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            failure = event.getThrowable();
        }

        @Override
        public void onError(AsyncEvent event) {
            failure = event.getThrowable();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // A new startAsync after a dispatch drops the listeners; stay registered to see the real end.
            event.getAsyncContext().addListener(this);
        }
    }
}
