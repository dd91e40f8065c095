package dev.holdline.longpoll;

import static dev.holdline.longpoll.LongPollHttpTest.assertProblem;
import static dev.holdline.longpoll.LongPollHttpTest.cursorOf;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.testing.EmbeddedUndertow;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** LP-6: over capacity is 503 + Retry-After, and requests that need no wait are still answered. */
class CapacityHttpTest {

    @Test
    void refusesToParkBeyondTheGlobalLimit() throws Exception {
        try (EmbeddedUndertow server = LongPollApps.start(Map.of("holdline.longpoll.topics", "a,b",
                "holdline.longpoll.max-parked", "1"))) {
            String a = cursorOf(server.get("events/a"));
            String b = cursorOf(server.get("events/b"));
            CompletableFuture<HttpResponse<String>> parked = server.sendAsync(server.request("events/a?wait=10s&cursor=" + a).GET().build());
            await().atMost(Duration.ofSeconds(5)).until(() -> LongPollApps.runtime(server).parked() == 1);

            HttpResponse<String> refused = server.get("events/b?wait=10s&cursor=" + b);
            assertProblem(refused, 503, "over-capacity");
            assertTrue(refused.headers().firstValue("Retry-After").orElseThrow().matches("[1-9][0-9]*"));

            assertEquals(200, server.get("events/b").statusCode());
            assertEquals(304, server.get("events/b?wait=0&cursor=" + b).statusCode());
            Topics.of(server.servletContext()).publish("b", "x", "1");
            assertEquals(200, server.get("events/b?wait=10s&cursor=" + b).statusCode());

            Topics.of(server.servletContext()).publish("a", "x", "1");
            assertEquals(200, parked.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(0, LongPollApps.runtime(server).parked());
        }
    }

    @Test
    void refusesToParkBeyondThePerTopicLimit() throws Exception {
        try (EmbeddedUndertow server = LongPollApps.start(Map.of("holdline.longpoll.topics", "a,b",
                "holdline.longpoll.max-parked-per-topic", "1"))) {
            String a = cursorOf(server.get("events/a"));
            String b = cursorOf(server.get("events/b"));
            CompletableFuture<HttpResponse<String>> first = server.sendAsync(server.request("events/a?wait=10s&cursor=" + a).GET().build());
            await().atMost(Duration.ofSeconds(5)).until(() -> LongPollApps.runtime(server).parked("a") == 1);
            assertProblem(server.get("events/a?wait=10s&cursor=" + a), 503, "over-capacity");
            CompletableFuture<HttpResponse<String>> other = server.sendAsync(server.request("events/b?wait=10s&cursor=" + b).GET().build());
            await().atMost(Duration.ofSeconds(5)).until(() -> LongPollApps.runtime(server).parked("b") == 1);
            Topics.of(server.servletContext()).publish("a", "x", "1");
            Topics.of(server.servletContext()).publish("b", "x", "1");
            assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(200, other.get(10, TimeUnit.SECONDS).statusCode());
            await().atMost(Duration.ofSeconds(5)).until(() -> LongPollApps.runtime(server).parked() == 0);
        }
    }
}
