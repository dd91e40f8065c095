package dev.holdline.longpoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicRegistryTest {

    private final LongPollRuntime runtime = new LongPollRuntime(LongPollSettingsTest.settings(Map.of()), "test", Clock.systemUTC());
    private final Topics topics = runtime.topics();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void declaresIdempotentlyAndRefusesConflicts() {
        topics.declare(TopicDefinition.stream("a"));
        topics.declare(TopicDefinition.stream("a"));
        assertEquals(Optional.of(TopicDefinition.stream("a")), topics.definition("a"));
        assertThrows(IllegalStateException.class, () -> topics.declare(TopicDefinition.state("a")));
        assertThrows(IllegalStateException.class, () -> topics.declare(TopicDefinition.stream("a").withRetainCount(5)));
        assertEquals(Optional.empty(), topics.definition("b"));
    }

    @Test
    void publishReturnsConsecutiveCursorsOfOneEpoch() {
        topics.declare(TopicDefinition.stream("a"));
        String first = topics.publish("a", "created", "{\"id\":1}");
        String second = topics.publish("a", "created", " 2 ");
        assertTrue(first.matches("[0-9a-z]+\\.1"), first);
        assertEquals(first.substring(0, first.indexOf('.')) + ".2", second);
    }

    @Test
    void refusesBadPublishesAndChangesNothing() {
        topics.declare(TopicDefinition.stream("a"));
        String before = runtime.registry().topic("a").currentCursor();
        assertThrows(IllegalArgumentException.class, () -> topics.publish("b", "t", "1"));
        assertThrows(IllegalArgumentException.class, () -> topics.publish(null, "t", "1"));
        assertThrows(IllegalArgumentException.class, () -> topics.publish("a", "", "1"));
        assertThrows(IllegalArgumentException.class, () -> topics.publish("a", null, "1"));
        assertThrows(IllegalArgumentException.class, () -> topics.publish("a", "t", null));
        assertThrows(IllegalArgumentException.class, () -> topics.publish("a", "t", "1 2"));
        assertThrows(IllegalArgumentException.class, () -> topics.publish("a", "t", "{"));
        assertEquals(before, runtime.registry().topic("a").currentCursor());
    }

    @Test
    void definitionsValidateNames() {
        assertThrows(IllegalArgumentException.class, () -> TopicDefinition.stream(""));
        assertThrows(IllegalArgumentException.class, () -> TopicDefinition.stream("a/b"));
        assertThrows(IllegalArgumentException.class, () -> TopicDefinition.stream("x".repeat(129)));
        assertEquals(128, TopicDefinition.stream("x".repeat(128)).name().length());
        assertThrows(IllegalArgumentException.class, () -> TopicDefinition.stream("a").withRetainAge(Duration.ZERO));
    }
}
