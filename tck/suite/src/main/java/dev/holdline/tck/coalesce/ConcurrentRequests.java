package dev.holdline.tck.coalesce;

import static org.awaitility.Awaitility.await;

import dev.holdline.tck.api.Timing;
import dev.holdline.tck.harness.HttpClients;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;

/** Requests to one deployment, several at once, each answered within {@link #LIMIT} or failing. */
final class ConcurrentRequests {

    /** The longest any request of these tests may take. */
    static final Duration LIMIT = SlowUpstream.DELAY.multipliedBy(3).plus(Timing.scaled(Duration.ofSeconds(30)));

    private final URL base;
    private final HttpClient http = HttpClients.http11();

    ConcurrentRequests(URL base) {
        this.base = base;
    }

    CompletableFuture<HttpResponse<String>> send(String path, UnaryOperator<HttpRequest.Builder> request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(LIMIT).GET();
        return http.sendAsync(request.apply(builder).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(path, UnaryOperator.identity()).get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Sends the first request, waits until {@code upstreamCalls} shows it reached the upstream, then sends
     * the others, so that they all arrive while the first one's execution runs; answers in sending order.
     */
    List<HttpResponse<String>> whileTheFirstRuns(IntSupplier upstreamCalls, List<String> paths,
            List<UnaryOperator<HttpRequest.Builder>> requests) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        calls.add(send(paths.get(0), requests.get(0)));
        await("the first request reaches the upstream").atMost(LIMIT).until(() -> upstreamCalls.getAsInt() >= 1);
        for (int i = 1; i < paths.size(); i++) {
            calls.add(send(paths.get(i), requests.get(i)));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            answers.add(call.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS));
        }
        return answers;
    }

    /** {@code count} identical requests, the others sent while the first one's execution runs. */
    List<HttpResponse<String>> identical(int count, String path, IntSupplier upstreamCalls) throws Exception {
        return whileTheFirstRuns(upstreamCalls, java.util.Collections.nCopies(count, path),
                java.util.Collections.nCopies(count, UnaryOperator.identity()));
    }
}
