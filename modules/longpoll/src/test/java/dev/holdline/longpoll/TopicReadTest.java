package dev.holdline.longpoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.http.ProblemTypes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What a cursor gets from a topic: events, nothing (wait), a resync, or the latest state. */
class TopicReadTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final Problems problems = new Problems(ProblemTypes.defaults());

    private Topic topic(TopicDefinition definition) {
        return new Topic(definition, new RingEventLog(definition.retainCount(), "e"), clock, problems);
    }

    @Test
    void aCurrentCursorWaitsAndAnOlderOneGetsTheEventsAfterIt() {
        Topic topic = topic(TopicDefinition.stream("s"));
        assertEquals("e.0", topic.currentCursor());
        assertNull(topic.read(Cursor.parse("e.0"), 10));
        topic.append("t", "1");
        topic.append("t", "2");
        Reply reply = topic.read(Cursor.parse("e.0"), 1);
        assertEquals(200, reply.status());
        assertTrue(body(reply).endsWith("\"cursor\":\"e.1\"}"), body(reply));
        assertNull(topic.read(Cursor.parse("e.2"), 10));
    }

    @Test
    void readsAtOneCursorShareOneAnswerUntilTheLogChanges() {
        Topic topic = topic(TopicDefinition.stream("s").withRetainAge(Duration.ofSeconds(10)));
        topic.append("t", "1");
        Reply first = topic.read(Cursor.parse("e.0"), 10);
        assertSame(first, topic.read(Cursor.parse("e.0"), 10), "serialised once");
        assertNotSame(first, topic.read(Cursor.parse("e.0"), 1), "another limit is another answer");

        topic.append("t", "2");
        Reply afterAppend = topic.read(Cursor.parse("e.0"), 10);
        assertTrue(body(afterAppend).endsWith("\"cursor\":\"e.2\"}"), body(afterAppend));

        clock.now = clock.now.plusSeconds(11);                 // both events expire by age
        assertEquals(410, topic.read(Cursor.parse("e.0"), 10).status(), "expiry is a change of the log too");
    }

    @Test
    void aStreamAnswersGoneForExpiredForeignAndFutureCursors() {
        Topic topic = topic(TopicDefinition.stream("s").withRetainCount(2));
        for (int i = 0; i < 4; i++) {
            topic.append("t", Integer.toString(i));
        }
        assertEquals(410, topic.read(Cursor.parse("e.1"), 10).status());
        assertEquals(200, topic.read(Cursor.parse("e.2"), 10).status());
        assertEquals(410, topic.read(Cursor.parse("x.2"), 10).status());
        assertEquals(410, topic.read(Cursor.parse("e.5"), 10).status());
    }

    @Test
    void ageRetentionExpiresCursorsBeforeTheDroppedEvents() {
        Topic topic = topic(TopicDefinition.stream("s").withRetainAge(Duration.ofSeconds(10)));
        topic.append("t", "1");
        clock.now = clock.now.plusSeconds(11);
        assertEquals(410, topic.read(Cursor.parse("e.0"), 10).status());
        assertNull(topic.read(Cursor.parse("e.1"), 10));
    }

    @Test
    void aStateTopicAnswersAStaleCursorWithTheLatestEventOrNone() {
        Topic topic = topic(TopicDefinition.state("s").withRetainCount(2));
        Reply empty = topic.read(Cursor.parse("x.3"), 10);
        assertEquals("{\"topic\":\"s\",\"events\":[],\"cursor\":\"e.0\"}", body(empty));
        for (int i = 1; i <= 4; i++) {
            topic.append("t", Integer.toString(i));
        }
        Reply latest = topic.read(Cursor.parse("e.0"), 10);
        assertEquals(200, latest.status());
        assertTrue(body(latest).matches("\\{\"topic\":\"s\",\"events\":\\[\\{\"id\":\"e.4\",\"type\":\"t\",\"data\":4,[^\\]]*\\],\"cursor\":\"e.4\"\\}"),
                body(latest));
    }

    private static String body(Reply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }
}
