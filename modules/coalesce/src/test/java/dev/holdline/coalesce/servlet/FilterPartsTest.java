package dev.holdline.coalesce.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.http.EntityTag;
import dev.holdline.http.EntityTagCondition;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter's small parts without a container. */
class FilterPartsTest {

    @Test
    void aFollowerJoiningAfterTheLeaderLandedIsToldToTakeTheOutcomeItself() {
        Flight flight = new Flight(new RequestKey("GET", "/a", null, List.of()));
        Outcome outcome = Outcome.notShared(BypassReason.STATUS);
        assertTrue(flight.land(outcome).isEmpty());
        assertFalse(flight.join(null));
        assertSame(outcome, flight.outcome());
    }

    @Test
    void theKeyNeverPrintsHeaderValues() {
        RequestKey key = new RequestKey("GET", "/a", "b=1", List.of(List.of("Bearer secret")));
        assertEquals("GET /a?b=1", key.toString());
    }

    @Test
    void sharingPolicy() {
        HeaderRecord headers = new HeaderRecord();
        assertNull(SharingPolicy.judge(200, headers, false));
        assertEquals(BypassReason.SET_COOKIE, SharingPolicy.judge(200, headers, true));
        for (int status : List.of(206, 302, 303, 304, 307, 400, 401, 403, 412, 429, 500, 502, 503)) {
            assertEquals(BypassReason.STATUS, SharingPolicy.judge(status, headers, false), "status " + status);
        }
        for (int status : List.of(200, 203, 204, 300, 301, 308, 404, 405, 410, 414, 501)) {
            assertNull(SharingPolicy.judge(status, headers, false), "status " + status);
        }
        headers.add("Cache-Control", "max-age=5, no-cache");
        assertNull(SharingPolicy.judge(200, headers, false), "no-cache is shared");
        headers.add("cache-control", "Private=\"X-A, X-B\"");
        assertEquals(BypassReason.PRIVATE, SharingPolicy.judge(200, headers, false));
        headers.set("Cache-Control", "NO-STORE");
        assertEquals(BypassReason.PRIVATE, SharingPolicy.judge(200, headers, false));
        headers.set("Cache-Control", null);
        headers.add("Vary", "Accept, *");
        assertEquals(BypassReason.VARY, SharingPolicy.judge(200, headers, false));
        headers.set("Vary", "Accept");
        headers.add("Set-Cookie", "a=b");
        assertEquals(BypassReason.SET_COOKIE, SharingPolicy.judge(200, headers, false));
    }

    @Test
    void notModifiedOnlyFor2xxWithAWeakMatch() {
        EntityTag tag = EntityTag.strong("v1");
        assertTrue(Replay.notModified(200, tag, EntityTagCondition.parse("W/\"v1\"")));
        assertTrue(Replay.notModified(200, null, EntityTagCondition.any()));
        assertFalse(Replay.notModified(404, tag, EntityTagCondition.any()));
        assertFalse(Replay.notModified(200, null, EntityTagCondition.parse("\"v1\"")));
        assertFalse(Replay.notModified(200, tag, null));
    }

    @Test
    void theWriterEncodesAtOnceAndKeepsSurrogatePairsWhole() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EncodingWriter writer = new EncodingWriter(out, StandardCharsets.UTF_8);
        String text = "a\u00e9\uD83D\uDE00z";
        writer.write("a\u00e9\uD83D");
        assertArrayEquals("a\u00e9".getBytes(StandardCharsets.UTF_8), out.toByteArray(), "the high surrogate waits");
        writer.write("\uDE00z");
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), out.toByteArray());
        ByteArrayOutputStream latin = new ByteArrayOutputStream();
        new EncodingWriter(latin, StandardCharsets.ISO_8859_1).write("\u20ac");
        assertArrayEquals("?".getBytes(StandardCharsets.ISO_8859_1), latin.toByteArray());
    }
}
