package dev.holdline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDateTest {

    private static final Instant EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "1994-11-06T08:49:37Z, 'Sun, 06 Nov 1994 08:49:37 GMT'",
        "1970-01-01T00:00:00Z, 'Thu, 01 Jan 1970 00:00:00 GMT'",
        "2024-02-29T23:59:59.999Z, 'Thu, 29 Feb 2024 23:59:59 GMT'",
        "0001-01-01T00:00:00Z, 'Mon, 01 Jan 0001 00:00:00 GMT'",
        "9999-12-31T23:59:59Z, 'Fri, 31 Dec 9999 23:59:59 GMT'"})
    void formatsImfFixdate(String instant, String expected) {
        assertEquals(expected, HttpDate.format(Instant.parse(instant)));
        assertEquals(Instant.parse(instant).getEpochSecond(), HttpDate.parse(expected).getEpochSecond());
    }

    @Test
    void refusesYearsBeyondFourDigits() {
        assertThrows(IllegalArgumentException.class, () -> HttpDate.format(Instant.parse("+10000-01-01T00:00:00Z")));
        assertThrows(IllegalArgumentException.class, () -> HttpDate.format(Instant.parse("-0001-01-01T00:00:00Z")));
    }

    @Test
    void parsesTheThreeFormsOfRfc9110() {
        assertEquals(EXAMPLE, HttpDate.parse("Sun, 06 Nov 1994 08:49:37 GMT", EXAMPLE));
        assertEquals(EXAMPLE, HttpDate.parse("Sunday, 06-Nov-94 08:49:37 GMT", EXAMPLE));
        assertEquals(EXAMPLE, HttpDate.parse("Sun Nov  6 08:49:37 1994", EXAMPLE));
        assertEquals(Instant.parse("1994-11-16T08:49:37Z"), HttpDate.parse("Wed Nov 16 08:49:37 1994", EXAMPLE));
    }

    @ParameterizedTest(name = "[{index}] year {0} seen in {1} is {2}")
    @CsvSource({
        "94, 1994, 1994", "94, 2025, 1994", "25, 2025, 2025", "75, 2025, 2075", "76, 2025, 1976",
        "00, 2070, 2100", "99, 2001, 1999", "10, 2099, 2110", "49, 2099, 2149", "50, 2099, 2050"})
    void readsTwoDigitRfc850YearsWithinFiftyYearsOfNow(String twoDigits, int nowYear, int expectedYear) {
        Instant now = Instant.parse(nowYear + "-06-01T00:00:00Z");
        Instant parsed = HttpDate.parse("Monday, 01-Mar-" + twoDigits + " 00:00:00 GMT", now);
        assertEquals(Instant.parse(expectedYear + "-03-01T00:00:00Z"), parsed);
    }

    @Test
    void acceptsALeapSecondAsTheNextSecond() {
        assertEquals(Instant.parse("2016-12-31T23:59:59Z").plusSeconds(1),
                HttpDate.parse("Sat, 31 Dec 2016 23:59:60 GMT", EXAMPLE));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {
        "", "0", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 UTC", "sun, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 nov 1994 08:49:37 GMT", "Sun,  6 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 94 08:49:37 GMT   ",
        "Sun, 06 Nov 1994 08:49:37 gmt", "Sun, 06 Nov 1994 08:49:37 +0000", "Xyz, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 31 Nov 1994 08:49:37 GMT", "Sun, 29 Feb 1995 08:49:37 GMT",
        "Sun, 00 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:49:37 GMT", "Sun, 06 Nov 1994 08:60:37 GMT",
        "Sun, 06 Nov 1994 08:49:61 GMT", "Sun, 06 Nov 1994 08-49-37 GMT", "Sun, 06 Nov 199a 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMTX", " Sun, 06 Nov 1994 08:49:37 GMT", "Sun 06 Nov 1994 08:49:37 GMT ",
        "Sunday, 06-Nov-1994 08:49:37 GMT", "Sundae, 06-Nov-94 08:49:37 GMT", "Sun, 06-Nov-94 08:49:37 GMT",
        "Sunday, 06 Nov 94 08:49:37 GMT", "Sun Nov 6 08:49:37 1994", "Sun Nov  6 08:49:37 94  ",
        "Sun Nov 06 08:49:37 1994 GMT", "Sun Nov 0x 08:49:37 1994", "1994-11-06T08:49:37Z", "\u0661994"})
    void rejectsMalformedDatesNamingTheInput(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpDate.parse(value, EXAMPLE));
        assertTrue(e.getMessage().startsWith("Invalid HTTP date '" + value + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("IMF-fixdate"), e.getMessage());
    }
}
