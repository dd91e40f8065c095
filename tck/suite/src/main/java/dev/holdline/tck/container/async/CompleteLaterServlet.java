package dev.holdline.tck.container.async;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deployed: parks each request and completes it 100 ms later from a thread of its own, writing
 * status 202, a header naming the completing thread and a body naming both threads.
 */
@WebServlet(urlPatterns = "/complete-later", asyncSupported = true)
public class CompleteLaterServlet extends HttpServlet {

    /** Name of the thread that completes requests. */
    public static final String COMPLETER = "tck-completer";

    private ScheduledExecutorService completer;

    @Override
    public void init() {
        completer = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, COMPLETER));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String serviceThread = Thread.currentThread().getName();
        AsyncContext async = request.startAsync();
        async.setTimeout(TimeUnit.SECONDS.toMillis(30));
        async.addListener(ListenerCalls.recorder(request.getParameter("id"), () -> { }));
        completer.schedule(() -> complete(async, serviceThread), 100, TimeUnit.MILLISECONDS);
    }

    private static void complete(AsyncContext async, String serviceThread) {
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        response.setStatus(HttpServletResponse.SC_ACCEPTED);
        response.setHeader("X-Completed-By", Thread.currentThread().getName());
        response.setContentType("text/plain");
        try {
            response.getWriter().write("service=" + serviceThread + "\ncompleter=" + Thread.currentThread().getName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        async.complete();
    }

    @Override
    public void destroy() {
        completer.shutdownNow();
    }
}
