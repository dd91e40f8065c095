package dev.holdline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "[{index}] {0} = {1}")
    @CsvSource({
        "30, PT30S", "0, PT0S", "30s, PT30S", "0s, PT0S", "500ms, PT0.5S", "1500ms, PT1.5S", "0ms, PT0S",
        "2m, PT2M", "90m, PT1H30M", "1h, PT1H", "48h, PT48H", "007s, PT7S",
        "9223372036854775807, PT2562047788015215H30M7S", "9223372036854775807ms, PT2562047788015H12M55.807S"})
    void parsesTheAcceptedForms(String text, String expected) {
        assertEquals(Duration.parse(expected), Durations.parse(text));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {
        "", " ", "-1", "-1s", "+1s", "1.5s", "1,5s", "30x", "30 s", " 30s", "30s ", "s", "ms", "30S", "30MS",
        "1m30s", "30sec", "30seconds", "PT30S", "1d", "30us", "0x1F", "1e3", "\u0663\u0660s",
        "9223372036854775808", "99999999999999999999s", "153722867280912931m", "2562047788015216h"})
    void rejectsGarbageNamingTheInputAndTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("'500ms'") && e.getMessage().contains("'2m'"), e.getMessage());
    }

    @Test
    void saysWhenANumberIsTooLarge() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("2562047788015216h"));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void rejectsNull() {
        assertThrows(NullPointerException.class, () -> Durations.parse(null));
    }
}
