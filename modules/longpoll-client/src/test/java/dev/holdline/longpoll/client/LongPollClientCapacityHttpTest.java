package dev.holdline.longpoll.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.longpoll.LongPollInitializer;
import dev.holdline.longpoll.LongPollRuntime;
import dev.holdline.testing.EmbeddedUndertow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * LP-9.3: on 503 the client waits at least Retry-After. A class of its own, so that its server (with
 * max-parked 0) never runs beside another one at the same context path.
 */
class LongPollClientCapacityHttpTest {

    @Test
    void waitsAtLeastRetryAfterWhenOverCapacity() throws Exception {
        RequestLog log = new RequestLog();
        try (EmbeddedUndertow busy = EmbeddedUndertow.start(EmbeddedUndertow.withInitializers(
                log.installIn(EmbeddedUndertow.deployment(Map.of("holdline.longpoll.topics", "busy",
                "holdline.longpoll.max-parked", "0"))), LongPollInitializer.class::isInstance))) {
            Recorder recorder = new Recorder();
            try (LongPollClient client = LongPollClient.builder(busy.baseUri().resolve("events/"), "busy")
                    .wait(Duration.ofSeconds(1)).listener(recorder).build()) {
                client.start();
                // The first request needs no wait (no cursor) and is answered; the next ones would park: 503.
                await().atMost(Duration.ofSeconds(20)).until(() -> log.to("busy").size() >= 3);
            }
            List<RequestLog.Entry> entries = log.to("busy");
            assertEquals(200, entries.get(0).status());
            for (int i = 1; i + 1 < entries.size(); i++) {
                RequestLog.Entry refused = entries.get(i);
                assertEquals(503, refused.status(), refused::toString);
                Duration retryAfter = Duration.ofSeconds(Long.parseLong(refused.retryAfter()));
                // Measured on the server from the refused request's arrival, which precedes the client
                // reading the answer: a lower bound the client cannot meet by being early.
                Duration gap = Duration.ofNanos(entries.get(i + 1).arrivedNanos() - refused.arrivedNanos());
                assertTrue(gap.compareTo(retryAfter) >= 0, gap + " < Retry-After " + retryAfter);
                assertTrue(gap.compareTo(retryAfter.plusSeconds(5)) < 0, gap + " for Retry-After " + retryAfter);
            }
            LongPollException first = assertInstanceOf(LongPollException.class, recorder.errors.get(0).error());
            assertEquals(503, first.status());
        }
    }
}
