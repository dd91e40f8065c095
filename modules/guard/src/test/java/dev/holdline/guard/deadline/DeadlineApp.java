package dev.holdline.guard.deadline;

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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real Undertow with a {@link DeadlineFilter} (budget 300 ms) on {@code /dl/*} in front of a servlet
 * whose paths behave as named: {@code fast}, {@code slow} (holds its thread until {@link #gate} opens,
 * then writes), {@code async} (parks; the test writes late through {@link #parked}), {@code committed}
 * (sends part of a body, then holds), {@code remaining} and {@code outbound} (calls {@code /upstream},
 * which never answers by itself, through {@link DeadlineHttp}). What the late code saw is in {@link #late}.
 */
final class DeadlineApp implements AutoCloseable {

    final EmbeddedUndertow server;
    final Map<String, AsyncContext> parked = new ConcurrentHashMap<>();
    final Map<String, String> late = new ConcurrentHashMap<>();
    volatile CountDownLatch gate = new CountDownLatch(1);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    DeadlineApp() throws Exception {
        DeploymentInfo deployment = EmbeddedUndertow.deployment();
        deployment.addServlet(Servlets.servlet("app", AppServlet.class, new ImmediateInstanceFactory<>(new AppServlet(this)))
                .addMappings("/dl/*", "/upstream").setAsyncSupported(true));
        FilterInfo filter = Servlets.filter("deadline", DeadlineFilter.class).setAsyncSupported(true)
                .addInitParam("holdline.guard.deadline.budget", "300ms");
        deployment.addFilter(filter);
        deployment.addFilterUrlMapping("deadline", "/dl/*", DispatcherType.REQUEST);
        deployment.addFilterUrlMapping("deadline", "/dl/*", DispatcherType.ASYNC);
        server = EmbeddedUndertow.start(deployment);
    }

    @Override
    public void close() throws Exception {
        gate.countDown();
        parked.values().forEach(AsyncContext::complete);
        server.close();
    }

    static final class AppServlet extends HttpServlet {
        private final DeadlineApp app;

        AppServlet(DeadlineApp app) {
            this.app = app;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if ("/upstream".equals(request.getServletPath())) {
                app.parked.put("upstream-" + System.nanoTime(), request.startAsync());
                return;
            }
            String id = request.getParameter("id");
            switch (request.getPathInfo()) {
                case "/slow" -> {
                    try {
                        app.gate.await(20, TimeUnit.SECONDS);
                        response.setStatus(200);
                        response.setHeader("X-Late", "yes");
                        response.getWriter().write("late output");
                        response.flushBuffer();
                        app.late.put(id, "wrote; committed=" + response.isCommitted());
                    } catch (Exception e) {
                        app.late.put(id, "failed: " + e);
                    }
                }
                case "/async" -> app.parked.put(id, request.startAsync());
                case "/committed" -> {
                    response.getWriter().write("partial");
                    response.flushBuffer();
                    try {
                        app.gate.await(20, TimeUnit.SECONDS);
                        response.getWriter().write(" and the rest");
                        app.late.put(id, "wrote the rest");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case "/remaining" -> response.getWriter().write(Long.toString(Deadline.current().orElseThrow().remaining().toMillis()));
                case "/outbound" -> {
                    long start = System.nanoTime();
                    try {
                        HttpRequest call = HttpRequest.newBuilder(URI.create(request.getRequestURL().toString()).resolve("/upstream")).build();
                        DeadlineHttp.send(HTTP, call, HttpResponse.BodyHandlers.ofString());
                        app.late.put(id, "answered");
                    } catch (DeadlineExceededException exceeded) {
                        app.late.put(id, "deadline after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
                        throw exceeded;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> response.getWriter().write("ok");
            }
        }
    }
}
