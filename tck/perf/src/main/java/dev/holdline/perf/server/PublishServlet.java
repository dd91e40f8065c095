package dev.holdline.perf.server;

import dev.holdline.longpoll.Topics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /publish}: publishes one event to the Holdline topic and advances the {@link ReleaseSignal}
 * (releasing the bare and blocking waiters). Answers the new Holdline cursor, the generation and how long
 * publishing took on the server, in nanoseconds.
 */
public final class PublishServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ReleaseSignal signal;
    private final String topic;

    /** Publishes to {@code topic} and advances {@code signal}. */
    public PublishServlet(ReleaseSignal signal, String topic) {
        this.signal = signal;
        this.topic = topic;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        long generation = signal.generation() + 1;
        String cursor = Topics.of(getServletContext()).publish(topic, "tick", "{\"generation\":" + generation + "}");
        signal.publish();
        long took = System.nanoTime() - start;
        byte[] body = ("{\"cursor\":\"" + cursor + "\",\"generation\":" + generation + ",\"publishNanos\":" + took + "}")
                .getBytes(StandardCharsets.US_ASCII);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
