package dev.holdline.perf.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The upstream of the coalescing burst, in the driver's JVM: the JDK's HTTP server on 127.0.0.1 that
 * answers every request after a fixed delay, without holding a thread during it, and counts requests.
 */
final class DelayedUpstream implements AutoCloseable {

    private static final byte[] BODY = "{\"symbol\":\"ACME\",\"price\":42.5}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "delayed-upstream");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger requests = new AtomicInteger();

    DelayedUpstream(Duration delay) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            timer.schedule(() -> answer(exchange), delay.toNanos(), TimeUnit.NANOSECONDS);
        });
        server.setExecutor(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "delayed-upstream-io");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    private static void answer(HttpExchange exchange) {
        try (exchange; OutputStream body = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            body.write(BODY);
        } catch (IOException clientGone) {
            // the bench server gave up on this request; nothing to answer
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/quote";
    }

    /** Requests received since the last call. */
    int takeRequests() {
        return requests.getAndSet(0);
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
    }
}
