package dev.holdline.guard.deadline;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request the application sees under a {@link DeadlineFilter}. {@code startAsync()} hands out the
 * deadline's {@link DeadlineResponse} (the no-argument form would otherwise give the application the
 * unwrapped response, whose late output the filter could not discard), and every {@code AsyncContext}
 * is a {@link GuardedAsyncContext}, whose {@code complete()} and {@code dispatch()} do nothing once the
 * deadline has answered.
 */
final class DeadlineRequest extends HttpServletRequestWrapper {

    private final DeadlineExchange exchange;
    private volatile GuardedAsyncContext async;

    DeadlineRequest(HttpServletRequest request, DeadlineExchange exchange) {
        super(request);
        this.exchange = exchange;
    }

    @Override
    public AsyncContext startAsync() {
        return startAsync(this, exchange.response());
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        if (exchange.expired()) {
            // Already answered: a late servlet gets a context that goes nowhere instead of an error.
            return async = new GuardedAsyncContext(null, request, response, exchange);
        }
        AsyncContext started = super.startAsync(request, response);
        exchange.asyncStarted(started);
        return async = new GuardedAsyncContext(started, request, response, exchange);
    }

    @Override
    public AsyncContext getAsyncContext() {
        GuardedAsyncContext guarded = async;
        return guarded != null ? guarded : super.getAsyncContext();
    }
}
