package dev.holdline.longpoll.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder's checks and the back-off's bounds, without a server. */
class LongPollClientTest {

    private static final URI BASE = URI.create("http://127.0.0.1:1/app/events/");

    @Test
    void onlyClientErrorsOtherThanTimeoutsStopTheClient() {
        assertTrue(LongPollClient.isPermanent(400));
        assertTrue(LongPollClient.isPermanent(404));
        assertFalse(LongPollClient.isPermanent(408));
        assertFalse(LongPollClient.isPermanent(500));
        assertFalse(LongPollClient.isPermanent(502));
    }

    @Test
    void refusesABadBaseOrTopic() {
        assertThrows(IllegalArgumentException.class, () -> LongPollClient.builder(URI.create("http://h/app/events"), "t"));
        assertThrows(IllegalArgumentException.class, () -> LongPollClient.builder(URI.create("/app/events/"), "t"));
        assertThrows(IllegalArgumentException.class, () -> LongPollClient.builder(URI.create("http://h/e/?x=1"), "t"));
        assertThrows(IllegalArgumentException.class, () -> LongPollClient.builder(BASE, "a/b"));
        assertThrows(IllegalArgumentException.class, () -> LongPollClient.builder(BASE, ""));
        assertThrows(IllegalArgumentException.class, () -> LongPollClient.builder(BASE, "x".repeat(129)));
    }

    @Test
    void refusesBadOptions() {
        LongPollClient.Builder builder = LongPollClient.builder(BASE, "t");
        assertThrows(IllegalArgumentException.class, () -> builder.limit(0));
        assertThrows(IllegalArgumentException.class, () -> builder.wait(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.wait(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builder.wait(Duration.ofHours(25)));
        assertThrows(IllegalArgumentException.class, () -> builder.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> builder.timeoutMargin(Duration.ZERO));
        assertThrows(IllegalStateException.class, builder::build);
    }

    @Test
    void startsOnceAndNotAfterClose() {
        LongPollClient client = LongPollClient.builder(BASE, "t").listener(event -> { }).build();
        client.close();
        client.close();
        assertThrows(IllegalStateException.class, client::start);
    }

    @Test
    void theBackOffCapDoublesUpToTheMaximum() {
        long base = 250_000_000L;
        long max = 30_000_000_000L;
        assertEquals(base, LongPollClient.backoffCapNanos(1, base, max));
        assertEquals(2 * base, LongPollClient.backoffCapNanos(2, base, max));
        assertEquals(16 * base, LongPollClient.backoffCapNanos(5, base, max));
        assertEquals(max, LongPollClient.backoffCapNanos(8, base, max));
        assertEquals(max, LongPollClient.backoffCapNanos(62, base, max));
        assertEquals(1L << 61, LongPollClient.backoffCapNanos(62, 1, Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, LongPollClient.backoffCapNanos(62, 4, Long.MAX_VALUE));
    }
}
