package dev.holdline.guard.concurrency;

import dev.holdline.testing.EmbeddedUndertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.FilterInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real Undertow with three {@link ConcurrencyLimitFilter}s in front of one async servlet:
 * {@code /limited/*} (max 2, no queue), {@code /queued/*} (max 1, one place in line, 10 s wait) and
 * {@code /impatient/*} (max 1, one place, 300 ms wait). The servlet answers {@code .../park?id=X} by
 * parking the request until {@link #release(String)}, {@code .../throw} by throwing,
 * {@code .../timeout} by letting the container's async timeout (200 ms) end it, anything else with 200.
 */
final class LimitApp implements AutoCloseable {

    final EmbeddedUndertow server;
    final Map<String, ConcurrencyLimitFilter> filters = new ConcurrentHashMap<>();
    final Map<String, AsyncContext> parked = new ConcurrentHashMap<>();

    LimitApp() throws Exception {
        DeploymentInfo deployment = EmbeddedUndertow.deployment();
        deployment.addServlet(Servlets.servlet("app", AppServlet.class, new ImmediateInstanceFactory<>(new AppServlet(this)))
                .addMappings("/limited/*", "/queued/*", "/impatient/*").setAsyncSupported(true));
        filter(deployment, "limited", Map.of("holdline.guard.concurrency.max", "2", "holdline.guard.concurrency.retry-after", "5"));
        filter(deployment, "queued", Map.of("holdline.guard.concurrency.max", "1", "holdline.guard.concurrency.queue", "1",
                "holdline.guard.concurrency.max-wait", "10s"));
        filter(deployment, "impatient", Map.of("holdline.guard.concurrency.max", "1", "holdline.guard.concurrency.queue", "1",
                "holdline.guard.concurrency.max-wait", "300ms"));
        server = EmbeddedUndertow.start(deployment);
    }

    private void filter(DeploymentInfo deployment, String name, Map<String, String> params) {
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter();
        filters.put(name, filter);
        FilterInfo info = Servlets.filter(name, ConcurrencyLimitFilter.class, new ImmediateInstanceFactory<>(filter)).setAsyncSupported(true);
        params.forEach(info::addInitParam);
        deployment.addFilter(info);
        deployment.addFilterUrlMapping(name, "/" + name + "/*", DispatcherType.REQUEST);
        deployment.addFilterUrlMapping(name, "/" + name + "/*", DispatcherType.ASYNC);
    }

    ConcurrencyLimitStats stats(String filter) {
        return filters.get(filter).stats();
    }

    /** Answers a parked request 200 with its id. */
    void release(String id) throws IOException {
        AsyncContext async = parked.remove(id);
        try {
            async.getResponse().getWriter().write("released " + id);
        } finally {
            async.complete();
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }

    static final class AppServlet extends HttpServlet {
        private final LimitApp app;

        AppServlet(LimitApp app) {
            this.app = app;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String action = request.getPathInfo();
            switch (action) {
                case "/park" -> {
                    AsyncContext async = request.startAsync();
                    async.setTimeout(60_000);
                    app.parked.put(request.getParameter("id"), async);
                }
                case "/throw" -> throw new IllegalStateException("servlet failure");
                case "/timeout" -> request.startAsync().setTimeout(200);
                default -> response.getWriter().write("ok");
            }
        }
    }
}
