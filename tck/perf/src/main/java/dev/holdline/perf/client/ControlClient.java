package dev.holdline.perf.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Talks to a bench server's control port: {@code /stats} and {@code /publish}, one request at a time,
 * each bounded by a timeout. {@link #awaitStats} polls {@code /stats} until a condition holds or a deadline
 * passes (no fixed sleeps as synchronisation).
 */
public final class ControlClient {

    private static final Pattern PUBLISH_NANOS = Pattern.compile("\"publishNanos\":(\\d+)");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    /** A client for the control port on 127.0.0.1. */
    public ControlClient(int controlPort) {
        this.base = URI.create("http://127.0.0.1:" + controlPort + "/");
    }

    /** The server's figures; with {@code collect}, heap is measured after full collections. */
    public ServerSnapshot stats(boolean collect) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(collect ? "stats?gc=true" : "stats"))
                .timeout(REQUEST_TIMEOUT).GET().build();
        return ServerSnapshot.parse(send(request));
    }

    /** Publishes once; returns the server-side time publishing took, in nanoseconds. */
    public long publish() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("publish"))
                .timeout(REQUEST_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build();
        Matcher matcher = PUBLISH_NANOS.matcher(send(request));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /**
     * Polls {@code /stats} (without collections) every 50 ms until {@code condition} holds or {@code timeout}
     * passes; returns the last snapshot either way (check it).
     */
    public ServerSnapshot awaitStats(Predicate<ServerSnapshot> condition, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ServerSnapshot last = stats(false);
        while (!condition.test(last) && System.nanoTime() - deadline < 0) {
            Thread.sleep(50); // polling interval, bounded by the deadline
            last = stats(false);
        }
        return last;
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
