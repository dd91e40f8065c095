package dev.holdline.tck.longpoll;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.holdline.tck.api.Timing;
import dev.holdline.tck.harness.HttpClients;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client side of the long-poll tests: HTTP/1.1 requests to one deployment, its long-poll endpoint and
 * the helper servlets of {@code dev.holdline.tck.longpoll.app}, plus the timing bounds of the spec.
 */
final class LongPollHttp {

    /** Slack of the spec: one second times the timing factor. */
    static final Duration SLACK = Timing.scaled(Duration.ofSeconds(1));

    /** Client-side limit for requests that should be answered at once: never hang a test. */
    static final Duration SHORT = Timing.scaled(Duration.ofSeconds(10));

    private static final AtomicInteger TOPICS = new AtomicInteger();

    private final URI base;
    private final String mapping;
    private final HttpClient http = HttpClients.http11();

    LongPollHttp(URL base) {
        this(base, "events");
    }

    LongPollHttp(URL base, String mapping) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.mapping = mapping;
    }

    /** A topic name unique in this test JVM, e.g. {@code lp-park-7}. */
    static String uniqueTopic(String hint) {
        return "lp-" + hint + "-" + TOPICS.incrementAndGet() + "-" + Long.toString(ProcessHandle.current().pid(), 36);
    }

    URI base() {
        return base;
    }

    /** {@code <base><mapping>/<topic><query>}; {@code topicAndQuery} must already be percent-encoded. */
    URI events(String topicAndQuery) {
        return base.resolve(mapping + "/" + topicAndQuery);
    }

    HttpRequest.Builder request(URI uri, Duration timeout, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    /** GET of {@link #events}, answered within {@link #SHORT} or failing. */
    HttpResponse<String> get(String topicAndQuery, String... headers) {
        return send(request(events(topicAndQuery), SHORT, headers).GET().build());
    }

    /** GET of {@link #events} without waiting for the answer. */
    CompletableFuture<HttpResponse<String>> getAsync(String topicAndQuery, Duration timeout, String... headers) {
        return http.sendAsync(request(events(topicAndQuery), timeout, headers).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    /** The current cursor of a topic (a request without cursor, checked to be {@code 200}). */
    String currentCursor(String topic) {
        HttpResponse<String> response = get(topic);
        assertEquals(200, response.statusCode(), () -> "GET without cursor of " + topic + ": " + response.body());
        return JsonPath.from(response.body()).getString("cursor");
    }

    /** Publishes one event through the deployed {@code PublishServlet} and returns the cursor. */
    String publish(String topic, String type, String json) {
        HttpResponse<String> response = publishRaw(topic, type, json);
        assertEquals(200, response.statusCode(), () -> "publish to " + topic + " failed: " + response.body());
        return response.body();
    }

    HttpResponse<String> publishRaw(String topic, String type, String json) {
        return send(request(base.resolve("lp-app/publish?topic=" + enc(topic) + "&type=" + enc(type)), SHORT,
                "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Publishes {@code count} events {@code {"n":1}}.. of type {@code seq}; returns the last cursor. */
    String publishMany(String topic, int count) {
        HttpResponse<String> response = send(request(base.resolve("lp-app/publish?topic=" + enc(topic)
                + "&type=seq&count=" + count), Timing.scaled(Duration.ofSeconds(30)))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, response.statusCode(), () -> "publishing to " + topic + " failed: " + response.body());
        return response.body();
    }

    /** Declares a topic through the deployed {@code DeclareServlet}; null count or age keeps the default. */
    void declare(String topic, String kind, Integer retainCount, Duration retainAge) {
        String query = "topic=" + enc(topic) + "&kind=" + kind
                + (retainCount == null ? "" : "&retainCount=" + retainCount)
                + (retainAge == null ? "" : "&retainAgeMs=" + retainAge.toMillis());
        HttpResponse<String> response = send(request(base.resolve("lp-app/declare?" + query), SHORT)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(204, response.statusCode(), () -> "declaring " + topic + " failed: " + response.body());
    }

    /** A fresh, declared stream topic. */
    String streamTopic(String hint) {
        String topic = uniqueTopic(hint);
        declare(topic, "stream", null, null);
        return topic;
    }

    /** {@code kind retainCount retainAge} of a declared topic, or null when it is not declared. */
    String definition(String topic) {
        HttpResponse<String> response = send(request(base.resolve("lp-app/declare?topic=" + enc(topic)), SHORT).GET().build());
        return response.statusCode() == 404 ? null : response.body();
    }

    /** {@code LongPollRuntime.parked(topic)}, or {@code parked()} for a null topic. */
    int parked(String topic) {
        HttpResponse<String> response = send(request(base.resolve("lp-app/runtime/parked"
                + (topic == null ? "" : "?topic=" + enc(topic))), SHORT).GET().build());
        assertEquals(200, response.statusCode(), () -> "parked count: " + response.body());
        return Integer.parseInt(response.body().trim());
    }

    /** Lines {@code <object name>=<Parked>} of every platform MBean with a {@code Parked} attribute. */
    List<String> jmxParked() {
        HttpResponse<String> response = send(request(base.resolve("lp-app/runtime/jmx"), SHORT).GET().build());
        assertEquals(200, response.statusCode(), () -> "JMX: " + response.body());
        return response.body().isBlank() ? List.of() : List.of(response.body().split("\n"));
    }

    /** Waits until {@code parked(topic)} reaches {@code expected}. */
    void awaitParked(String topic, int expected) {
        await("parked on " + topic + " = " + expected).atMost(Timing.scaled(Duration.ofSeconds(20)))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> parked(topic) == expected);
    }

    static String enc(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8);
    }

    /** Fails unless {@code lower <= actual <= upper}; the upper bound is taken as given (already scaled). */
    static void assertWithin(String what, Duration actual, Duration lower, Duration upper) {
        if (actual.compareTo(lower) < 0 || actual.compareTo(upper) > 0) {
            fail(what + " took " + actual.toMillis() + " ms, expected between " + lower.toMillis() + " ms and "
                    + upper.toMillis() + " ms (timeFactor " + Timing.factor() + ")");
        }
    }

    /** The latest moment LP-3.3 allows for the answer to a wait: wait + wait/16 + slack. */
    static Duration waitUpperBound(Duration wait) {
        return wait.plus(wait.dividedBy(16)).plus(SLACK);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The entity tag of a cursor: {@code "<cursor>"}. */
    static String etag(String cursor) {
        return "\"" + cursor + "\"";
    }

    /** A cursor of the same topic in an epoch other than {@code cursor}'s (epoch + 1 in base 36). */
    static String foreignEpoch(String cursor) {
        int dot = cursor.indexOf('.');
        assertTrue(dot > 0, "cursor " + cursor + " is not <epoch>.<position>");
        String epoch = new BigInteger(cursor.substring(0, dot), 36).add(BigInteger.ONE).toString(36).toLowerCase(Locale.ROOT);
        return epoch + cursor.substring(dot);
    }

    /** A cursor of the same epoch as {@code cursor}, {@code ahead} positions further. */
    static String future(String cursor, long ahead) {
        int dot = cursor.lastIndexOf('.');
        assertTrue(dot > 0, "cursor " + cursor + " is not <epoch>.<position>");
        return cursor.substring(0, dot + 1) + (Long.parseLong(cursor.substring(dot + 1)) + ahead);
    }

    /** Checks the members and media type LP-5.8 requires, and the type name; returns the parsed problem. */
    static JsonPath assertProblem(HttpResponse<String> response, int status, String typeName) {
        assertEquals(status, response.statusCode(), () -> "status; body: " + response.body());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json"),
                () -> "LP-5.8: Content-Type of a problem is application/problem+json, was '" + contentType + "'; body: " + response.body());
        JsonPath problem = JsonPath.from(response.body());
        String type = problem.getString("type");
        assertTrue(type != null && type.endsWith("/problems/" + typeName),
                () -> "problem type ends in /problems/" + typeName + ", was " + type + "; body: " + response.body());
        assertTrue(problem.getString("title") != null && !problem.getString("title").isBlank(), "LP-5.8: problem has a title");
        assertEquals(Integer.valueOf(status), problem.get("status"), "LP-5.8: problem status equals the response status");
        assertTrue(problem.getString("detail") != null, "LP-5.8: problem has a detail");
        return problem;
    }

    /** Checks {@code Retry-After} is present as delay-seconds (a non-negative integer) and returns it. */
    static long assertRetryAfterSeconds(HttpResponse<String> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        assertTrue(value != null && value.trim().matches("\\d{1,9}"),
                () -> "Retry-After as delay-seconds, was " + value);
        return Long.parseLong(value.trim());
    }
}
