package dev.holdline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("1994-11-06T08:49:00Z");

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "PT0S, 0", "PT0.000000001S, 1", "PT1S, 1", "PT1.2S, 2", "PT1.999S, 2", "PT59.5S, 60",
        "PT1M, 60", "PT1M0.001S, 61", "PT1H, 3600", "PT2H30M, 9000"})
    void formatsDelaySecondsRoundedUp(String duration, String expected) {
        assertEquals(expected, RetryAfter.delaySeconds(Duration.parse(duration)));
    }

    @Test
    void formatsPlainSeconds() {
        assertEquals("0", RetryAfter.delaySeconds(0));
        assertEquals("120", RetryAfter.delaySeconds(120));
        assertEquals(Long.toString(Long.MAX_VALUE), RetryAfter.delaySeconds(Duration.ofSeconds(Long.MAX_VALUE)));
    }

    @Test
    void refusesNegativeOrUnroundableDelays() {
        IllegalArgumentException negative =
                assertThrows(IllegalArgumentException.class, () -> RetryAfter.delaySeconds(Duration.ofMillis(-1)));
        assertTrue(negative.getMessage().contains("negative"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RetryAfter.delaySeconds(-1));
        assertThrows(IllegalArgumentException.class,
                () -> RetryAfter.delaySeconds(Duration.ofSeconds(Long.MAX_VALUE, 1)));
        assertThrows(NullPointerException.class, () -> RetryAfter.delaySeconds((Duration) null));
    }

    @Test
    void formatsAnHttpDate() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", RetryAfter.httpDate(Instant.parse("1994-11-06T08:49:37.900Z")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "0                              | PT0S",
        "120                            | PT2M",
        "'  30\t'                       | PT30S",
        "007                            | PT7S",
        "9223372036854775807            | PT2562047788015215H30M7S",
        "Sun, 06 Nov 1994 08:49:37 GMT  | PT37S",
        "Sunday, 06-Nov-94 08:49:37 GMT | PT37S",
        "Sun Nov  6 08:49:37 1994       | PT37S",
        "Sun, 06 Nov 1994 09:49:00 GMT  | PT1H",
        "Sun, 06 Nov 1994 08:00:00 GMT  | PT0S"})
    void parsesDelaySecondsAndDatesRelativeToNow(String value, String expected) {
        assertEquals(Duration.parse(expected), RetryAfter.parse(value, NOW));
    }

    @Test
    void parsesRelativeToAClock() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Sun, 06 Nov 1994 08:50:30 GMT", clock));
        assertEquals(Duration.ofSeconds(5), RetryAfter.parse("5", clock));
    }

    @Test
    void roundTripsADate() {
        Instant retryAt = NOW.plusSeconds(3600 * 24 * 400 + 17);
        assertEquals(Duration.between(NOW, retryAt), RetryAfter.parse(RetryAfter.httpDate(retryAt), NOW));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {
        "", " ", "-1", "-0", "+5", "1.5", "1e3", "5s", "0x10", "five", "12 34", "9223372036854775808",
        "99999999999999999999999", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 UTC",
        "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
        "1994-11-06T08:49:37Z", "\u0661\u0662"})
    void rejectsGarbageClearly(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RetryAfter.parse(value, NOW));
        assertTrue(e.getMessage().startsWith("Invalid Retry-After '" + value + "'"), e.getMessage());
    }

    @Test
    void explainsWhyNumbersAreRejected() {
        assertTrue(message("-1").contains("must not be negative"), message("-1"));
        assertTrue(message("9223372036854775808").contains("too large"), message("9223372036854775808"));
        assertTrue(message("soon").contains("delay-seconds"), message("soon"));
        assertTrue(message("soon").contains("HTTP date"), message("soon"));
    }

    private static String message(String value) {
        return assertThrows(IllegalArgumentException.class, () -> RetryAfter.parse(value, NOW)).getMessage();
    }
}
