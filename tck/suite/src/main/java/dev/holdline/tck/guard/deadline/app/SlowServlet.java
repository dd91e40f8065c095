package dev.holdline.tck.guard.deadline.app;

import dev.holdline.guard.deadline.Deadline;
import dev.holdline.guard.deadline.DeadlineExceededException;
import dev.holdline.guard.deadline.DeadlineHttp;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Deployed behind the deadline filter ({@code /dl/*}):
 * {@code slow?id=X} holds its thread until released, then sets a header and writes;
 * {@code async?id=X} parks the request; {@code committed?id=X} sends part of its body, then works until 300 ms past its deadline and writes more;
 * {@code remaining} answers the time left of {@code Deadline.current()} and of {@code Deadline.of(request)};
 * {@code outbound?id=X} calls the slow upstream through {@link DeadlineHttp}; anything else answers 200.
 * Late code records what it saw in {@link Held#OUTCOMES}.
 */
@WebServlet(urlPatterns = "/dl/*", asyncSupported = true)
public class SlowServlet extends HttpServlet {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        String action = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            switch (action) {
                case "/slow" -> {
                    Held.await(id);
                    response.setStatus(200);
                    response.setHeader("X-Late", "yes");
                    response.getWriter().write("late output");
                    response.flushBuffer();
                    Held.OUTCOMES.put(id, "wrote; committed=" + response.isCommitted());
                }
                case "/async" -> {
                    AsyncContext async = request.startAsync();
                    async.setTimeout(120_000);
                    Held.REQUESTS.put(id, async);
                }
                case "/committed" -> {
                    response.setContentType("text/plain");
                    response.getWriter().write("partial");
                    response.flushBuffer();
                    // Slow work that outlasts the deadline by 300 ms: a wait for a latch nobody opens.
                    long past = Deadline.current().orElseThrow().remaining().plusMillis(300).toMillis();
                    new java.util.concurrent.CountDownLatch(1).await(past, TimeUnit.MILLISECONDS);
                    response.getWriter().write(" and the rest");
                    response.flushBuffer();
                    Held.OUTCOMES.put(id, "wrote the rest");
                }
                case "/remaining" -> response.getWriter().write(Deadline.current().orElseThrow().remaining().toMillis() + " "
                        + Deadline.of(request).orElseThrow().remaining().toMillis());
                case "/outbound" -> outbound(request, id);
                default -> response.getWriter().write("ok");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Held.OUTCOMES.put(id, "interrupted");
        } catch (RuntimeException | IOException e) {
            if (!(e instanceof DeadlineExceededException)) {
                Held.OUTCOMES.put(id, "failed: " + e);
            }
            throw e;
        }
    }

    private void outbound(HttpServletRequest request, String id) throws IOException, InterruptedException {
        URI upstream = URI.create(getServletContext().getInitParameter("tck.upstream")).resolve("slow");
        long start = System.nanoTime();
        try {
            DeadlineHttp.send(HTTP, HttpRequest.newBuilder(upstream).GET().build(), HttpResponse.BodyHandlers.ofString());
            Held.OUTCOMES.put(id, "answered");
        } catch (DeadlineExceededException exceeded) {
            Held.OUTCOMES.put(id, "deadline after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
            throw exceeded;
        }
    }
}
