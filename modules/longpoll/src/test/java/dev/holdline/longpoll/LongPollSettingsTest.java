package dev.holdline.longpoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.http.HoldlineConfig;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LongPollSettingsTest {

    /** A ServletContext that only answers getInitParameter, enough for HoldlineConfig. */
    static ServletContext contextWith(Map<String, String> params) {
        return (ServletContext) Proxy.newProxyInstance(LongPollSettingsTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getInitParameter")) {
                        return params.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static LongPollSettings settings(Map<String, String> params) {
        return LongPollSettings.from(HoldlineConfig.of(contextWith(params)), LongPollSettingsTest.class.getClassLoader());
    }

    @Test
    void hasTheDocumentedDefaults() {
        LongPollSettings settings = settings(Map.of());
        assertTrue(settings.enabled());
        assertEquals("/events/*", settings.mapping());
        assertEquals(List.of(), settings.topics());
        assertEquals(Duration.ofSeconds(30), settings.waitDefault());
        assertEquals(Duration.ofSeconds(55), settings.waitMax());
        assertEquals(100, settings.limitDefault());
        assertEquals(1000, settings.limitMax());
        assertEquals(10_000, settings.maxParked());
        assertEquals(10_000, settings.maxParkedPerTopic());
        assertEquals(Duration.ofSeconds(2), settings.drain());
    }

    @Test
    void readsTopicsWithKindsAndRetention() {
        LongPollSettings settings = settings(Map.of(
                "holdline.longpoll.topics", " news , prices:state,log:stream,,",
                "holdline.longpoll.topic.prices.retain-count", "1",
                "holdline.longpoll.topic.log.retain-age", "90s"));
        assertEquals(List.of(TopicDefinition.stream("news"), TopicDefinition.state("prices").withRetainCount(1),
                TopicDefinition.stream("log").withRetainAge(Duration.ofSeconds(90))), settings.topics());
    }

    @Test
    void perTopicCapacityDefaultsToTheGlobalOne() {
        assertEquals(7, settings(Map.of("holdline.longpoll.max-parked", "7")).maxParkedPerTopic());
        assertEquals(3, settings(Map.of("holdline.longpoll.max-parked", "7",
                "holdline.longpoll.max-parked-per-topic", "3")).maxParkedPerTopic());
    }

    @Test
    void readsTheOtherKeys() {
        LongPollSettings settings = settings(Map.of("holdline.longpoll.enabled", "false",
                "holdline.longpoll.mapping", "/api/poll/*", "holdline.longpoll.wait.default", "500ms",
                "holdline.longpoll.wait.max", "2m", "holdline.longpoll.limit.default", "5",
                "holdline.longpoll.limit.max", "10", "holdline.longpoll.drain", "100ms"));
        assertFalse(settings.enabled());
        assertEquals("/api/poll/*", settings.mapping());
        assertEquals(Duration.ofMillis(500), settings.waitDefault());
        assertEquals(Duration.ofMinutes(2), settings.waitMax());
        assertEquals(5, settings.limitDefault());
        assertEquals(10, settings.limitMax());
        assertEquals(Duration.ofMillis(100), settings.drain());
    }

    @Test
    void refusesBadConfigurationNamingTheKey() {
        assertRefused(Map.of("holdline.longpoll.topics", "a:queue"), "holdline.longpoll.topics");
        assertRefused(Map.of("holdline.longpoll.topics", "a b"), "holdline.longpoll.topics");
        assertRefused(Map.of("holdline.longpoll.topics", "a:state,a:stream"), "holdline.longpoll.topics");
        assertRefused(Map.of("holdline.longpoll.topics", "a", "holdline.longpoll.topic.a.retain-count", "0"),
                "holdline.longpoll.topic.a.retain-count");
        assertRefused(Map.of("holdline.longpoll.topics", "a", "holdline.longpoll.topic.a.retain-age", "0s"),
                "holdline.longpoll.topic.a.retain-age");
        assertRefused(Map.of("holdline.longpoll.mapping", "/events"), "holdline.longpoll.mapping");
        assertRefused(Map.of("holdline.longpoll.enabled", "yes"), "holdline.longpoll.enabled");
        assertRefused(Map.of("holdline.longpoll.wait.default", "90s"), "holdline.longpoll.wait.default");
        assertRefused(Map.of("holdline.longpoll.wait.max", "soon"), "holdline.longpoll.wait.max");
        assertRefused(Map.of("holdline.longpoll.limit.default", "1001"), "holdline.longpoll.limit.default");
        assertRefused(Map.of("holdline.longpoll.max-parked", "-1"), "holdline.longpoll.max-parked");
        assertRefused(Map.of("holdline.longpoll.event-log-factory", "com.example.Missing"), "holdline.longpoll.event-log-factory");
        assertRefused(Map.of("holdline.longpoll.event-log-factory", "java.lang.String"), "holdline.longpoll.event-log-factory");
        assertRefused(Map.of("holdline.longpoll.event-log-factory", EventLogFactory.class.getName()), "holdline.longpoll.event-log-factory");
    }

    @Test
    void theEventLogFactoryIsInMemoryUnlessNamed() {
        assertSame(EventLogFactory.IN_MEMORY, settings(Map.of()).eventLogFactory());
        assertInstanceOf(FixedEpochLogs.class,
                settings(Map.of("holdline.longpoll.event-log-factory", " " + FixedEpochLogs.class.getName() + " ")).eventLogFactory());
    }

    @Test
    void aSystemPropertyWinsOverTheInitParameter() {
        System.setProperty("holdline.longpoll.limit.max", "20");
        try {
            assertEquals(20, settings(Map.of("holdline.longpoll.limit.max", "30")).limitMax());
        } finally {
            System.clearProperty("holdline.longpoll.limit.max");
        }
    }

    private static void assertRefused(Map<String, String> params, String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings(params));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
