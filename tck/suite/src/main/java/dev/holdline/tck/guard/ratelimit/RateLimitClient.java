package dev.holdline.tck.guard.ratelimit;

import dev.holdline.tck.api.Timing;
import dev.holdline.tck.harness.HttpClients;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the rate-limit tests' requests: one at a time, or many with at most {@value #IN_FLIGHT} in
 * flight over keep-alive connections (Payara's request thread pool has 5 threads).
 */
final class RateLimitClient {

    static final int IN_FLIGHT = 4;
    private static final Duration TIMEOUT = Timing.scaled(Duration.ofSeconds(20));

    private final HttpClient client = HttpClients.http11();
    private final URI base;

    RateLimitClient(URL base) throws Exception {
        this.base = base.toURI();
    }

    HttpRequest request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET();
        return (headers.length == 0 ? request : request.headers(headers)).build();
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return client.send(request(path, headers), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends every request, {@value #IN_FLIGHT} at a time, and counts the answers by status. */
    Map<Integer, Integer> statuses(List<HttpRequest> requests) throws Exception {
        Map<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        CompletableFuture<?>[] answers = new CompletableFuture<?>[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            inFlight.acquire();
            answers[i] = client.sendAsync(requests.get(i), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((answer, failure) -> {
                        inFlight.release();
                        int status = failure == null ? answer.statusCode() : -1;
                        counts.computeIfAbsent(status, ignored -> new AtomicInteger()).incrementAndGet();
                    });
        }
        CompletableFuture.allOf(answers).get(Timing.scaled(Duration.ofMinutes(2)).toMillis(), TimeUnit.MILLISECONDS);
        Map<Integer, Integer> result = new TreeMap<>();
        counts.forEach((status, count) -> result.put(status, count.get()));
        return result;
    }

    /** The {@code rl-stats} answer for a filter: {@code allowed rejected trackedKeys evicted maxKeys}. */
    long[] stats(String filter) throws Exception {
        HttpResponse<String> answer = get("rl-stats?filter=" + filter);
        if (answer.statusCode() != 200) {
            throw new AssertionError("stats of " + filter + ": " + answer.statusCode());
        }
        String[] parts = answer.body().trim().split(" ");
        long[] stats = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            stats[i] = Long.parseLong(parts[i]);
        }
        return stats;
    }
}
