package dev.holdline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreferenceAppliedTest {

    @Test
    void formatsHonouredPreferencesInOrder() {
        PreferenceApplied applied = new PreferenceApplied().waitSeconds(10).respondAsync();
        assertEquals("wait=10, respond-async", applied.headerValue());
        assertEquals("wait=10, respond-async", applied.toString());
    }

    @Test
    void isEmptyUntilSomethingIsHonoured() {
        PreferenceApplied applied = new PreferenceApplied();
        assertTrue(applied.isEmpty());
        assertEquals("", applied.headerValue());
    }

    @Test
    void formatsTypedPreferences() {
        assertEquals("return=minimal, handling=strict", new PreferenceApplied()
                .returnPreference(ReturnPreference.MINIMAL).handling(HandlingPreference.STRICT).headerValue());
        assertEquals("return=representation, handling=lenient", new PreferenceApplied()
                .returnPreference(ReturnPreference.REPRESENTATION).handling(HandlingPreference.LENIENT).headerValue());
    }

    @Test
    void roundsAWaitDurationUpToWholeSeconds() {
        assertEquals("wait=2", new PreferenceApplied().waitTime(Duration.ofMillis(1001)).headerValue());
        assertEquals("wait=60", new PreferenceApplied().waitTime(Duration.ofMinutes(1)).headerValue());
        assertThrows(IllegalArgumentException.class, () -> new PreferenceApplied().waitTime(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> new PreferenceApplied().waitSeconds(-1));
    }

    @Test
    void dropsParametersAndQuotesValuesThatAreNotTokens() {
        Preference received = new Preference("Foo", "a b \"c\"", Map.of("p", "1"));
        assertEquals("foo=\"a b \\\"c\\\"\"", new PreferenceApplied().add(received).headerValue());
    }

    @Test
    void keepsTheFirstValueOfAName() {
        assertEquals("wait=5", new PreferenceApplied().waitSeconds(5).add("WAIT", "9").headerValue());
    }

    @Test
    void rejectsWhatCannotBeSent() {
        assertThrows(IllegalArgumentException.class, () -> new PreferenceApplied().add("no spaces"));
        assertThrows(IllegalArgumentException.class, () -> new PreferenceApplied().add("x", "line\nbreak"));
        assertThrows(IllegalArgumentException.class, () -> new PreferenceApplied().add("x", "snow\u2603man"));
    }

    @Test
    void roundTripsThroughThePreferParser() {
        String value = new PreferenceApplied().waitSeconds(30).add("note", "a, b").respondAsync().headerValue();
        Preferences parsed = Preferences.parse(value);
        assertEquals(Duration.ofSeconds(30), parsed.waitTime().orElseThrow());
        assertEquals("a, b", parsed.get("note").orElseThrow().value());
        assertTrue(parsed.respondAsync());
    }
}
