package dev.holdline.longpoll;

import static dev.holdline.longpoll.LongPollHttpTest.assertProblem;
import static dev.holdline.longpoll.LongPollHttpTest.cursorOf;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.testing.EmbeddedUndertow;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** LP-8: parked and new requests get 503 + Retry-After + Connection: close once shutdown begins. */
class ShutdownHttpTest {

    @Test
    void undeployAnswersEveryParkedRequestWithinTheDrainPeriod() throws Exception {
        try (EmbeddedUndertow server = LongPollApps.start(Map.of("holdline.longpoll.topics", "a,b"))) {
            String a = cursorOf(server.get("events/a"));
            String b = cursorOf(server.get("events/b"));
            List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                parked.add(server.sendAsync(server.request("events/" + (i == 0 ? "b?cursor=" + b : "a?cursor=" + a)
                        + "&wait=30s").GET().build()));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> LongPollApps.runtime(server).parked() == 3);
            LongPollRuntime runtime = LongPollApps.runtime(server);

            long start = System.nanoTime();
            server.undeploy();
            Duration undeployTook = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(undeployTook.compareTo(Duration.ofSeconds(2 + 2)) < 0, undeployTook.toString());

            for (CompletableFuture<HttpResponse<String>> future : parked) {
                HttpResponse<String> response = future.get(4, TimeUnit.SECONDS);
                assertShuttingDown(response);
            }
            assertEquals(0, runtime.parked());
        }
    }

    @Test
    void beginShutdownAnswersParkedAndNewRequests() throws Exception {
        try (EmbeddedUndertow server = LongPollApps.start(Map.of("holdline.longpoll.topics", "a"))) {
            String a = cursorOf(server.get("events/a"));
            CompletableFuture<HttpResponse<String>> parked = server.sendAsync(server.request("events/a?wait=30s&cursor=" + a).GET().build());
            await().atMost(Duration.ofSeconds(5)).until(() -> LongPollApps.runtime(server).parked() == 1);
            LongPollApps.runtime(server).beginShutdown();
            assertShuttingDown(parked.get(4, TimeUnit.SECONDS));
            assertShuttingDown(server.get("events/a"));
            assertShuttingDown(server.get("events/a?wait=5s&cursor=" + a));
            assertEquals(0, LongPollApps.runtime(server).parked());
        }
    }

    private static void assertShuttingDown(HttpResponse<String> response) {
        assertProblem(response, 503, "shutting-down");
        assertTrue(response.headers().firstValue("Retry-After").orElseThrow().matches("[1-3]"));
        assertEquals(Optional.of("close"), response.headers().firstValue("Connection"));
    }
}
