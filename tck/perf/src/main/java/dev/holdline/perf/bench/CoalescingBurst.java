package dev.holdline.perf.bench;

import dev.holdline.perf.client.Container;
import dev.holdline.perf.client.ServerProcess;
import dev.holdline.perf.server.QuoteServlet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The coalescing burst of issue 4: {@value #BURST} concurrent identical {@code GET}s to a servlet that
 * reads a {@value #UPSTREAM_MILLIS} ms upstream, with and without the coalescing filter, on each container
 * (a server JVM of its own). Reports upstream calls per burst and the latency of the burst's requests
 * (p50, p99, max, from sending each request to reading its whole answer) and how long the burst took to
 * arrive at the server (first to last arrival on the server's clock). Every request goes to
 * 127.0.0.1; the run is bounded by the number of bursts and a time limit per request.
 *
 * <p>System properties: {@code holdline.perf.containers} (default {@code undertow,tomcat}),
 * {@code holdline.perf.bursts} (per mode and container, default 3), {@code holdline.perf.upstreamMillis} (default 100),
 * {@code holdline.perf.burstReport}.
 */
public final class CoalescingBurst {

    static final int BURST = 1000;
    static final int UPSTREAM_MILLIS = Integer.getInteger("holdline.perf.upstreamMillis", 100);
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(60);

    private CoalescingBurst() {
    }

    /** One burst's outcome. */
    record Outcome(Container container, String mode, int burst, int upstreamCalls, int ok, Percentiles latency,
                   String arrivalSpreadMillis) {
    }

    public static void main(String[] args) throws Exception {
        List<Container> containers = Container.parse(System.getProperty("holdline.perf.containers", "undertow,tomcat"));
        int bursts = Integer.getInteger("holdline.perf.bursts", 3);
        Path report = Path.of(System.getProperty("holdline.perf.burstReport", "target/coalesce-burst.md"));
        Path logs = Path.of(System.getProperty("holdline.perf.logDir", "target/perf-logs"));
        List<Outcome> outcomes = new ArrayList<>();
        try (DelayedUpstream upstream = new DelayedUpstream(Duration.ofMillis(UPSTREAM_MILLIS))) {
            for (Container container : containers) {
                try (ServerProcess server = ServerProcess.start(container, ServerProcess.classpathFromSystemProperties(), 200,
                        logs.resolve("burst-" + container.name().toLowerCase(Locale.ROOT) + ".log"),
                        List.of("-D" + QuoteServlet.UPSTREAM + "=" + upstream.uri()))) {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10)).build();
                    for (String mode : List.of("direct", "coalesced")) {
                        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/quote/" + mode);
                        burst(http, uri, BURST);               // warm-up: JIT, and BURST open connections to reuse
                        upstream.takeRequests();
                        arrivalSpread(http, server.port());    // a new arrival window
                        for (int i = 1; i <= bursts; i++) {
                            Outcome outcome = measure(container, mode, i, http, uri, upstream, server.port());
                            outcomes.add(outcome);
                            System.out.println(line(outcome));
                        }
                    }
                }
            }
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, render(outcomes));
        System.out.println("Report: " + report.toAbsolutePath());
    }

    private static Outcome measure(Container container, String mode, int burst, HttpClient http, URI uri, DelayedUpstream upstream,
                                   int port) throws Exception {
        long[] latencies = burst(http, uri, BURST);
        int ok = 0;
        long[] answered = new long[latencies.length];
        for (long latency : latencies) {
            if (latency >= 0) {
                answered[ok++] = latency;
            }
        }
        return new Outcome(container, mode, burst, upstream.takeRequests(), ok, new Percentiles(java.util.Arrays.copyOf(answered, ok)),
                arrivalSpread(http, port));
    }

    /** The server's arrival window since the last call ({@code ArrivalWindow}): first to last arrival in ms. */
    private static String arrivalSpread(HttpClient http, int port) throws Exception {
        String json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/arrivals")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher spread = java.util.regex.Pattern.compile("\"spreadMillis\":([0-9.]+)").matcher(json);
        return spread.find() ? spread.group(1) : "?";
    }

    /** Sends {@code count} requests at once; the latency of each 200 answer in nanoseconds, -1 for anything else. */
    private static long[] burst(HttpClient http, URI uri, int count) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_LIMIT).GET().build();
        List<CompletableFuture<Long>> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(response -> response.statusCode() == 200 ? System.nanoTime() - sent : -1L)
                    .exceptionally(failure -> -1L));
        }
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            latencies[i] = calls.get(i).get(REQUEST_LIMIT.toSeconds() + 10, TimeUnit.SECONDS);
        }
        return latencies;
    }

    private static String line(Outcome o) {
        return String.format(Locale.ROOT, "%s %s burst %d: upstream calls %d, ok %d/%d, p50 %.1f ms, p99 %.1f ms, max %.1f ms,"
                        + " arrived within %s ms", o.container(), o.mode(), o.burst(), o.upstreamCalls(), o.ok(), BURST,
                o.latency().millis(50), o.latency().millis(99), o.latency().maxMillis(), o.arrivalSpreadMillis());
    }

    private static String render(List<Outcome> outcomes) {
        StringBuilder md = new StringBuilder("# Coalescing burst\n\n")
                .append(BURST).append(" concurrent identical GETs per burst; upstream answers after ").append(UPSTREAM_MILLIS)
                .append(" ms; 200 request threads.\n\n")
                .append("| container | mode | burst | upstream calls | answered 200 | p50 ms | p99 ms | max ms | arrival spread ms |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.1f | %.1f | %.1f | %s |%n", o.container(), o.mode(),
                    o.burst(), o.upstreamCalls(), o.ok(), o.latency().millis(50), o.latency().millis(99), o.latency().maxMillis(),
                    o.arrivalSpreadMillis()));
        }
        return md.toString();
    }
}
