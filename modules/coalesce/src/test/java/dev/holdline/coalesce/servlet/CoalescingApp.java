package dev.holdline.coalesce.servlet;

import static org.awaitility.Awaitility.await;

import dev.holdline.testing.EmbeddedUndertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.FilterInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A real Undertow with a {@link CoalescingFilter} (mapped for REQUEST and ASYNC, as documented) in front of
 * a test servlet at {@code /app/<behaviour>/<anything>}. The servlet counts its runs per URI and query,
 * and the first run of each waits for the gate, so that a test can hold a leader in the chain until its
 * followers are parked, without sleeping.
 */
final class CoalescingApp implements AutoCloseable {

    final EmbeddedUndertow server;
    final CoalescingFilter filter = new CoalescingFilter();
    private final ConcurrentHashMap<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private CoalescingApp(Map<String, String> filterParams) throws Exception {
        DeploymentInfo deployment = EmbeddedUndertow.deployment();
        deployment.addServlet(Servlets.servlet("app", AppServlet.class, new ImmediateInstanceFactory<>(new AppServlet(this)))
                .addMapping("/app/*")
                .setAsyncSupported(true));
        FilterInfo coalesce = Servlets.filter("coalesce", CoalescingFilter.class, new ImmediateInstanceFactory<>(filter))
                .setAsyncSupported(true);
        filterParams.forEach(coalesce::addInitParam);
        deployment.addFilter(coalesce);
        deployment.addFilterUrlMapping("coalesce", "/*", DispatcherType.REQUEST);
        deployment.addFilterUrlMapping("coalesce", "/*", DispatcherType.ASYNC);
        server = EmbeddedUndertow.start(deployment);
    }

    static CoalescingApp start(Map<String, String> filterParams) throws Exception {
        return new CoalescingApp(filterParams);
    }

    /** From now on, the first run of each URI waits until {@link #openGate()}. */
    void closeGate() {
        gate = new CountDownLatch(1);
    }

    void openGate() {
        gate.countDown();
    }

    /** How often the servlet ran for this path (with its query, if any). */
    int runs(String path) {
        AtomicInteger count = runs.get("/" + path);
        return count == null ? 0 : count.get();
    }

    CoalescingFilterStats stats() {
        return filter.stats();
    }

    /** Lets every held run go and waits until no key is in flight: what each test must leave behind. */
    void settle() {
        openGate();
        await().atMost(Duration.ofSeconds(10)).until(() -> stats().inFlight() == 0);
    }

    /** A GET of {@code path} with the given header name, value pairs. */
    HttpRequest get(String path, String... headers) {
        HttpRequest.Builder builder = server.request(path).GET();
        return headers.length == 0 ? builder.build() : builder.headers(headers).build();
    }

    CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return server.sendAsync(request);
    }

    /**
     * Sends one request, waits until its servlet run is held at the gate (the leader), then sends
     * {@code followers} more and waits until the filter has parked them all, then opens the gate.
     *
     * @return the leader's response first, then the followers'
     */
    List<HttpResponse<String>> leaderAndFollowers(String path, Supplier<HttpRequest> leader, int followers,
            Supplier<HttpRequest> follower) {
        closeGate();
        long parkedBefore = stats().followers();
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        futures.add(send(leader.get()));
        await().atMost(Duration.ofSeconds(10)).until(() -> runs(path) == 1);
        for (int i = 0; i < followers; i++) {
            futures.add(send(follower.get()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> stats().followers() - parkedBefore == followers);
        openGate();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Override
    public void close() throws Exception {
        openGate();
        server.close();
    }

    /** The application behind the filter; what it does is chosen by the path's first segment after /app. */
    static final class AppServlet extends HttpServlet {

        private final CoalescingApp app;

        AppServlet(CoalescingApp app) {
            this.app = app;
        }

        private int run(HttpServletRequest request) throws ServletException {
            String uri = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            int run = app.runs.computeIfAbsent(uri, ignored -> new AtomicInteger()).incrementAndGet();
            if (run == 1) {
                try {
                    if (!app.gate.await(20, TimeUnit.SECONDS)) {
                        throw new ServletException("The test never opened the gate");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ServletException(e);
                }
            }
            return run;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
            int run = run(request);
            String behaviour = request.getPathInfo().split("/")[1];
            response.setHeader("X-Run", Integer.toString(run));
            response.setContentType("text/plain;charset=UTF-8");
            String text = behaviour + " run=" + run + " accept=" + request.getHeader("Accept") + " query=" + request.getQueryString();
            switch (behaviour) {
                case "plain" -> {
                    response.addHeader("X-Multi", "one");
                    response.addHeader("X-Multi", "two");
                    response.setHeader("Cache-Control", "public, max-age=60");
                    response.getWriter().print(text + " unicode=\u00e9\u20ac");
                }
                case "cookie" -> {
                    response.addCookie(new Cookie("c", "run-" + run));
                    response.getWriter().print(text);
                }
                case "private" -> {
                    response.setHeader("Cache-Control", "private, max-age=60");
                    response.getWriter().print(text);
                }
                case "nostore" -> {
                    response.setHeader("Cache-Control", "no-store");
                    response.getWriter().print(text);
                }
                case "status" -> {
                    response.setStatus(Integer.parseInt(request.getParameter("code")));
                    response.getWriter().print(text);
                }
                case "large" -> {
                    int size = Integer.parseInt(request.getParameter("size"));
                    byte[] body = new byte[size];
                    byte[] prefix = ("run=" + run + " ").getBytes(StandardCharsets.US_ASCII);
                    java.util.Arrays.fill(body, (byte) 'x');
                    System.arraycopy(prefix, 0, body, 0, prefix.length);
                    OutputStream out = response.getOutputStream();
                    for (int offset = 0; offset < size; offset += 1000) {
                        out.write(body, offset, Math.min(1000, size - offset));
                    }
                }
                case "etag" -> {
                    response.setHeader("ETag", "\"v1\"");
                    response.setHeader("Cache-Control", "max-age=60");
                    response.setHeader("Vary", "Accept");
                    response.setHeader("Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT");
                    response.getWriter().print(text + " condition=" + request.getHeader("If-None-Match"));
                }
                case "throw" -> {
                    if (run == 1) {
                        throw new ServletException("The leader fails");
                    }
                    response.getWriter().print(text);
                }
                case "vary" -> {
                    response.setHeader("Vary", "X-Tenant");
                    response.getWriter().print(text + " tenant=" + request.getHeader("X-Tenant"));
                }
                case "auth" -> response.getWriter().print(text + " auth=" + request.getHeader("Authorization")
                        + " cookie=" + request.getHeader("Cookie"));
                case "flush" -> {
                    PrintWriter writer = response.getWriter();
                    writer.print("part one, ");
                    writer.flush();
                    writer.print(text);
                }
                case "senderror" -> response.sendError(404);
                case "async" -> {
                    AsyncContext async = request.startAsync();
                    async.start(() -> {
                        try {
                            async.getResponse().getWriter().print(text);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        } finally {
                            async.complete();
                        }
                    });
                }
                default -> response.sendError(400, "unknown behaviour " + behaviour);
            }
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
            int run = run(request);
            response.setContentType("text/plain");
            response.getWriter().print("posted run=" + run);
        }
    }
}
