package dev.holdline.guard.deadline;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The application's {@link AsyncContext} under a deadline: {@code complete()} and {@code dispatch()}
 * reach the container only while the application may still answer, so that a late one neither fails nor
 * ends the request a second time. The delegate is null for a context started after the deadline had
 * answered: then it only runs {@link #start(Runnable)} tasks, and everything else goes nowhere.
 */
final class GuardedAsyncContext implements AsyncContext {

    private final AsyncContext delegate;
    private final ServletRequest request;
    private final ServletResponse response;
    private final DeadlineExchange exchange;

    GuardedAsyncContext(AsyncContext delegate, ServletRequest request, ServletResponse response, DeadlineExchange exchange) {
        this.delegate = delegate;
        this.request = request;
        this.response = response;
        this.exchange = exchange;
    }

    @Override
    public ServletRequest getRequest() {
        return request;
    }

    @Override
    public ServletResponse getResponse() {
        return response;
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return delegate != null && delegate.hasOriginalRequestAndResponse();
    }

    @Override
    public void dispatch() {
        if (delegate != null) {
            exchange.ifOpenQuietly(delegate::dispatch);
        }
    }

    @Override
    public void dispatch(String path) {
        if (delegate != null) {
            exchange.ifOpenQuietly(() -> delegate.dispatch(path));
        }
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        if (delegate != null) {
            exchange.ifOpenQuietly(() -> delegate.dispatch(context, path));
        }
    }

    @Override
    public void complete() {
        if (delegate != null) {
            exchange.complete(delegate);
        }
    }

    @Override
    public void start(Runnable run) {
        if (delegate != null && !exchange.expired()) {
            delegate.start(run);
        } else {
            CompletableFuture.runAsync(run);
        }
    }

    @Override
    public void addListener(AsyncListener listener) {
        if (delegate != null) {
            delegate.addListener(listener);
        }
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
        if (delegate != null) {
            delegate.addListener(listener, servletRequest, servletResponse);
        }
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
        if (delegate != null) {
            return delegate.createListener(type);
        }
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ServletException(e);
        }
    }

    @Override
    public void setTimeout(long timeout) {
        if (delegate != null) {
            delegate.setTimeout(timeout);
        }
    }

    @Override
    public long getTimeout() {
        return delegate == null ? 0 : delegate.getTimeout();
    }
}
