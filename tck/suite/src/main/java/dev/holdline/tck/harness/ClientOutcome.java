package dev.holdline.tck.harness;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the client of one HTTP exchange ended up with, and how long after a reference instant: a
 * response, a broken connection, or nothing within the limit. Observation tests record it in words.
 */
public final class ClientOutcome {

    private final Optional<HttpResponse<String>> response;
    private final Optional<Throwable> failure;
    private final Duration after;

    private ClientOutcome(Optional<HttpResponse<String>> response, Optional<Throwable> failure, Duration after) {
        this.response = response;
        this.failure = failure;
        this.after = after;
    }

    /**
     * Waits up to {@code limit} for {@code exchange} and measures from {@code startNanos} (a
     * {@link System#nanoTime()} value). A client-side request timeout counts as "no answer".
     */
    public static ClientOutcome await(CompletableFuture<HttpResponse<String>> exchange, long startNanos, Duration limit)
            throws InterruptedException {
        try {
            HttpResponse<String> response = exchange.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return new ClientOutcome(Optional.of(response), Optional.empty(), since(startNanos));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return new ClientOutcome(Optional.empty(), Optional.empty(), since(startNanos));
            }
            return new ClientOutcome(Optional.empty(), Optional.of(cause), since(startNanos));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new ClientOutcome(Optional.empty(), Optional.empty(), since(startNanos));
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The response, if one arrived. */
    public Optional<HttpResponse<String>> response() {
        return response;
    }

    /** True when the connection ended without a response (reset, closed, refused). */
    public boolean disconnected() {
        return failure.isPresent();
    }

    /** True when neither a response nor a disconnect came within the limit. */
    public boolean unanswered() {
        return response.isEmpty() && failure.isEmpty();
    }

    /** Time from the reference instant to the outcome (to the limit, when unanswered). */
    public Duration after() {
        return after;
    }

    /**
     * E.g. {@code HTTP 503 (Retry-After: 1, Connection: close) after about 2 s}. Times are rounded
     * (see {@link #roughly}) so that the recorded text stays the same from one run to the next.
     */
    public String describe() {
        String when = roughly(after);
        if (response.isPresent()) {
            HttpResponse<String> answer = response.get();
            StringBuilder text = new StringBuilder("HTTP ").append(answer.statusCode());
            String headers = String.join(", ", header(answer, "Retry-After"), header(answer, "Connection"))
                    .replaceAll("^, |, $", "");
            if (!headers.isEmpty()) {
                text.append(" (").append(headers).append(')');
            }
            return text.append(' ').append(when).toString();
        }
        if (failure.isPresent()) {
            Throwable cause = failure.get();
            return "connection ended without a response (" + cause.getClass().getSimpleName() + ") " + when;
        }
        return "no answer within " + Math.round(after.toMillis() / 1000.0) + " s";
    }

    /**
     * A duration in words coarse enough to be stable across runs: "within 1 s", then whole seconds up
     * to 10 s, then multiples of 5 s ("after about 30 s").
     */
    public static String roughly(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return "within 1 s";
        }
        long seconds = Math.round(millis / 1000.0);
        return "after about " + (seconds < 10 ? seconds : Math.round(seconds / 5.0) * 5) + " s";
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).map(value -> name + ": " + value).orElse("");
    }
}
