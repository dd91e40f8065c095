package dev.holdline.tck.coalesce.app;

import dev.holdline.coalesce.cdi.CoalesceKey;
import dev.holdline.coalesce.cdi.Coalesced;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deployed: a bean whose {@code @Coalesced} methods read quotes from the upstream (WireMock in the test
 * JVM). Each answer carries the number of the execution that fetched it, so callers can tell whether
 * they shared one. The upstream's base URI is an argument outside the key.
 */
@ApplicationScoped
public class Quotes {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final AtomicInteger executions = new AtomicInteger();

    @Coalesced
    public String quote(@CoalesceKey String symbol, URI upstream) throws IOException, InterruptedException {
        return fetch(symbol, upstream);
    }

    /** Keyed by the symbol only: {@code requestId} differs for every request, and must not split the key. */
    @Coalesced
    public CompletionStage<String> quoteAsync(@CoalesceKey String symbol, URI upstream, String requestId) {
        return HTTP.sendAsync(request(symbol, upstream), HttpResponse.BodyHandlers.ofString())
                .thenCompose(response -> {
                    try {
                        return CompletableFuture.completedFuture(answer(symbol, response));
                    } catch (IOException failed) {
                        return CompletableFuture.failedFuture(failed);
                    }
                });
    }

    @Coalesced(waitTimeout = 500)
    public String quoteImpatiently(@CoalesceKey String symbol, URI upstream) throws IOException, InterruptedException {
        return fetch(symbol, upstream);
    }

    @Coalesced(ttl = 1, unit = ChronoUnit.MINUTES)
    public String quoteKept(@CoalesceKey String symbol, URI upstream) throws IOException, InterruptedException {
        return fetch(symbol, upstream);
    }

    /** Private, so that no call between the bean's own methods goes through the interceptor a second time. */
    private String fetch(String symbol, URI upstream) throws IOException, InterruptedException {
        return answer(symbol, HTTP.send(request(symbol, upstream), HttpResponse.BodyHandlers.ofString()));
    }

    private static HttpRequest request(String symbol, URI upstream) {
        return HttpRequest.newBuilder(upstream.resolve("quotes/" + symbol)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    private String answer(String symbol, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("upstream answered " + response.statusCode() + " for " + symbol);
        }
        return response.body() + "@" + executions.incrementAndGet();
    }
}
