package dev.holdline.longpoll;

import static dev.holdline.longpoll.LongPollHttpTest.cursorOf;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.testing.EmbeddedUndertow;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** LP-1 registration switches and event log factory, LP-7.2 disconnects, and failing deployments on bad configuration. */
class RegistrationHttpTest {

    @Test
    void theMappingMovesTheServlet() throws Exception {
        try (EmbeddedUndertow server = LongPollApps.start(Map.of("holdline.longpoll.topics", "a",
                "holdline.longpoll.mapping", "/api/poll/*"))) {
            assertEquals(200, server.get("api/poll/a").statusCode());
            assertEquals(404, server.get("events/a").statusCode());
        }
    }

    @Test
    void disabledRegistersNoServletButKeepsTopics() throws Exception {
        try (EmbeddedUndertow server = LongPollApps.start(Map.of("holdline.longpoll.topics", "a",
                "holdline.longpoll.enabled", "false"))) {
            assertEquals(404, server.get("events/a").statusCode());
            assertTrue(Topics.of(server.servletContext()).publish("a", "x", "1").endsWith(".1"));
        }
    }

    @Test
    void badConfigurationFailsTheDeployment() {
        Exception failure = assertThrows(Exception.class, () -> LongPollApps.start(Map.of("holdline.longpoll.wait.max", "forever")));
        String messages = failure + " " + failure.getCause();
        assertTrue(messages.contains("holdline.longpoll.wait.max"), messages);
    }

    @Test
    void theNamedEventLogFactoryKeepsEveryTopic() throws Exception {
        try (EmbeddedUndertow server = LongPollApps.start(Map.of("holdline.longpoll.topics", "a, b:state",
                "holdline.longpoll.event-log-factory", FixedEpochLogs.class.getName()))) {
            assertEquals(FixedEpochLogs.EPOCH + ".0", cursorOf(server.get("events/a")));
            Topics topics = Topics.of(server.servletContext());
            topics.declare(TopicDefinition.stream("c"));
            assertEquals(FixedEpochLogs.EPOCH + ".1", topics.publish("c", "x", "1"));
            HttpResponse<String> answer = server.get("events/c?cursor=" + FixedEpochLogs.EPOCH + ".0");
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains("\"id\":\"" + FixedEpochLogs.EPOCH + ".1\""), answer.body());
            assertTrue(FixedEpochLogs.MADE.keySet().containsAll(java.util.List.of("a", "b", "c")), FixedEpochLogs.MADE.toString());
        }
    }

    @Test
    void anAppendByAnotherNodeReachesTheWaitersWhenTheLogWakesThem() throws Exception {
        try (EmbeddedUndertow server = LongPollApps.start(Map.of("holdline.longpoll.topics", "shared",
                "holdline.longpoll.event-log-factory", FixedEpochLogs.class.getName()))) {
            String cursor = cursorOf(server.get("events/shared"));
            CompletableFuture<HttpResponse<String>> parked = server.sendAsync(
                    server.request("events/shared?wait=20s&cursor=" + cursor).GET().build());
            await().atMost(Duration.ofSeconds(5)).until(() -> LongPollApps.runtime(server).parked("shared") == 1);
            FixedEpochLogs.Made made = FixedEpochLogs.MADE.get("shared");
            made.log().append("elsewhere", "{\"node\":2}", java.time.Instant.now()); // as another node's publish would
            made.wakeWaiters().run();
            HttpResponse<String> answer = parked.get(5, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains("\"type\":\"elsewhere\""), answer.body());
            assertEquals(0, LongPollApps.runtime(server).parked("shared"));
        }
    }

    @Test
    void aClientThatGoesAwayIsForgottenByTheEndOfItsWait() throws Exception {
        try (EmbeddedUndertow server = LongPollApps.start(Map.of("holdline.longpoll.topics", "a"))) {
            String cursor = cursorOf(server.get("events/a"));
            int port = server.request("").build().uri().getPort();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /events/a?wait=500ms&cursor=" + cursor + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                await().atMost(Duration.ofSeconds(5)).until(() -> LongPollApps.runtime(server).parked() == 1);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> LongPollApps.runtime(server).parked() == 0);
            assertTrue(Topics.of(server.servletContext()).publish("a", "x", "1").endsWith(".1"));
            assertEquals(200, server.get("events/a?cursor=" + cursor).statusCode());
        }
    }

    @Test
    void aClientThatGoesAwayDoesNotBreakPublish() throws Exception {
        try (EmbeddedUndertow server = LongPollApps.start(Map.of("holdline.longpoll.topics", "a"))) {
            String cursor = cursorOf(server.get("events/a"));
            int port = server.request("").build().uri().getPort();
            Socket socket = new Socket("127.0.0.1", port);
            socket.getOutputStream().write(("GET /events/a?wait=30s&cursor=" + cursor + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(5)).until(() -> LongPollApps.runtime(server).parked() == 1);
            socket.close();
            Topics topics = Topics.of(server.servletContext());
            topics.publish("a", "x", "\"" + "y".repeat(100_000) + "\"");
            topics.publish("a", "x", "2");
            assertEquals(0, LongPollApps.runtime(server).parked());
        }
    }
}
