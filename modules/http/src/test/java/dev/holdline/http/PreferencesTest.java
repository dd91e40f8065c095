package dev.holdline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PreferencesTest {

    @Test
    void parsesOneWaitPreference() {
        Preferences preferences = Preferences.parse("wait=10");
        assertEquals(Optional.of(Duration.ofSeconds(10)), preferences.waitTime());
        assertFalse(preferences.waitMalformed());
        assertEquals(List.of(Preference.of("wait", "10")), preferences.all());
    }

    @Test
    void parsesCommaSeparatedListsAcrossSeveralFieldLines() {
        Preferences preferences = Preferences.parse("respond-async, wait=100", "return=minimal,handling=lenient");
        assertTrue(preferences.respondAsync());
        assertEquals(Optional.of(Duration.ofSeconds(100)), preferences.waitTime());
        assertEquals(Optional.of(ReturnPreference.MINIMAL), preferences.returnPreference());
        assertEquals(Optional.of(HandlingPreference.LENIENT), preferences.handling());
        assertEquals(List.of("respond-async", "wait", "return", "handling"),
                preferences.all().stream().map(Preference::name).toList());
    }

    @Test
    void acceptsEnumerationsAndIterables() {
        Enumeration<String> lines = Collections.enumeration(List.of("wait=1", "respond-async"));
        assertTrue(Preferences.parse(lines).respondAsync());
        assertTrue(Preferences.parse(Arrays.asList("respond-async", null)).respondAsync());
        assertTrue(Preferences.parse((Enumeration<String>) null).isEmpty());
    }

    @Test
    void preferenceNamesAreCaseInsensitive() {
        Preferences preferences = Preferences.parse("WAIT=7, Respond-Async, Return=representation");
        assertEquals(Optional.of(Duration.ofSeconds(7)), preferences.waitTime());
        assertTrue(preferences.respondAsync());
        assertEquals(Optional.of(ReturnPreference.REPRESENTATION), preferences.returnPreference());
        assertTrue(preferences.contains("wAiT"));
        assertEquals("wait", preferences.get("Wait").orElseThrow().name());
    }

    @Test
    void valuesAreCaseSensitive() {
        Preferences preferences = Preferences.parse("return=MINIMAL, handling=Strict");
        assertEquals(Optional.empty(), preferences.returnPreference());
        assertEquals(Optional.empty(), preferences.handling());
        assertEquals("MINIMAL", preferences.get("return").orElseThrow().value());
    }

    @Test
    void quotedValuesAreUnquotedAndUnescaped() {
        Preferences preferences = Preferences.parse("wait=\"10\", foo=\"a \\\"quoted\\\" \\\\ value, with comma\"; x=1, handling=\"strict\"");
        assertEquals(Optional.of(Duration.ofSeconds(10)), preferences.waitTime());
        Preference foo = preferences.get("foo").orElseThrow();
        assertEquals("a \"quoted\" \\ value, with comma", foo.value());
        assertEquals(Map.of("x", "1"), foo.parameters());
        assertEquals(Optional.of(HandlingPreference.STRICT), preferences.handling());
        assertTrue(preferences.malformedElements().isEmpty());
    }

    @Test
    void parametersAreKeptInOrderWithLowerCaseNamesAndFirstDuplicateWinning() {
        Preference preference = Preferences.parse("return=minimal; foo=\"bar baz\"; BAZ ; ;foo=second;;")
                .get("return").orElseThrow();
        assertEquals("minimal", preference.value());
        assertEquals(List.of("foo", "baz"), List.copyOf(preference.parameters().keySet()));
        assertEquals("bar baz", preference.parameters().get("foo"));
        assertEquals("", preference.parameters().get("baz"));
        assertEquals(Optional.of(ReturnPreference.MINIMAL), Preferences.parse("return=minimal; foo=bar").returnPreference());
    }

    @Test
    void whitespaceAroundEqualsSignsAndSeparatorsIsAllowed() {
        Preferences preferences = Preferences.parse(" \twait = 10 ;  foo = bar\t,\trespond-async ");
        assertEquals(Optional.of(Duration.ofSeconds(10)), preferences.waitTime());
        assertEquals(Map.of("foo", "bar"), preferences.get("wait").orElseThrow().parameters());
        assertTrue(preferences.respondAsync());
        assertTrue(preferences.malformedElements().isEmpty());
    }

    @Test
    void emptyListElementsAreTolerated() {
        Preferences preferences = Preferences.parse(",, wait=5 ,, ,", "", " , ");
        assertEquals(Optional.of(Duration.ofSeconds(5)), preferences.waitTime());
        assertTrue(preferences.malformedElements().isEmpty());
        assertTrue(Preferences.parse("", " ", ",").isEmpty());
        assertTrue(Preferences.parse().isEmpty());
        assertTrue(Preferences.none().isEmpty());
    }

    @Test
    void theFirstOfDuplicatePreferencesWins() {
        assertEquals(Optional.of(Duration.ofSeconds(5)), Preferences.parse("wait=5, wait=10").waitTime());
        assertEquals(Optional.of(Duration.ofSeconds(5)), Preferences.parse("wait=5", "WAIT=10").waitTime());
        assertEquals(Optional.of(ReturnPreference.MINIMAL),
                Preferences.parse("return=minimal, return=representation").returnPreference());
    }

    @Test
    void aMalformedFirstWaitIsNotReplacedByALaterOne() {
        Preferences semanticallyBad = Preferences.parse("wait=abc, wait=10");
        assertEquals(Optional.empty(), semanticallyBad.waitTime());
        assertTrue(semanticallyBad.waitMalformed());

        Preferences syntacticallyBad = Preferences.parse("wait=1 0", "wait=10");
        assertEquals(Optional.empty(), syntacticallyBad.waitTime());
        assertTrue(syntacticallyBad.waitMalformed());
        assertFalse(syntacticallyBad.contains("wait"));
    }

    @Test
    void aGoodFirstWaitIsNotSpoiledByALaterMalformedOne() {
        Preferences preferences = Preferences.parse("wait=3, wait=1 0");
        assertEquals(Optional.of(Duration.ofSeconds(3)), preferences.waitTime());
        assertFalse(preferences.waitMalformed());
        assertEquals(List.of("wait=1 0"), preferences.malformedElements());
    }

    @ParameterizedTest(name = "[{index}] wait value {0}")
    @ValueSource(strings = {"-1", "1.5", "+5", "10s", "0x10", "abc", "1e3", "\"\"", "\" 5\"", "\"5 \""})
    void anUnusableWaitValueIsTreatedAsAbsentButReported(String value) {
        Preferences preferences = Preferences.parse("wait=" + value + ", respond-async");
        assertEquals(Optional.empty(), preferences.waitTime());
        assertTrue(preferences.waitMalformed(), value);
        assertTrue(preferences.respondAsync());
    }

    @Test
    void aWaitWithoutValueIsMalformed() {
        assertTrue(Preferences.parse("wait").waitMalformed());
        assertTrue(Preferences.parse("wait=").waitMalformed());
        assertTrue(Preferences.parse("wait=;foo").waitMalformed());
        assertEquals(Optional.empty(), Preferences.parse("wait").waitTime());
    }

    @Test
    void noWaitIsNotAMalformedWait() {
        Preferences preferences = Preferences.parse("respond-async");
        assertEquals(Optional.empty(), preferences.waitTime());
        assertFalse(preferences.waitMalformed());
    }

    @ParameterizedTest(name = "[{index}] wait={0} is {1} s")
    @CsvSource({"0, 0", "007, 7", "60, 60", "2147483648, 2147483648", "99999999999999999999999999, 2147483648"})
    void waitIsWholeSecondsSaturatingAtTheMaximum(String value, long seconds) {
        assertEquals(Optional.of(Duration.ofSeconds(seconds)), Preferences.parse("wait=" + value).waitTime());
        assertFalse(Preferences.parse("wait=" + value).waitMalformed());
    }

    @ParameterizedTest(name = "[{index}] malformed element {0}")
    @ValueSource(strings = {
        "wait=10 20", "wait=10\"x\"", "wa(it=10", "=5", ";foo", "wait=10; =x", "wait=10; f(o)=1",
        "wait=\u00e910", "wait=1\u0001", "wait=\"a\"b", "wait==10", "wait\u00a0=10"})
    void malformedElementsAreDroppedAndTheRestOfTheListStillCounts(String element) {
        Preferences preferences = Preferences.parse(element + ", respond-async", "return=minimal");
        assertEquals(List.of(element), preferences.malformedElements());
        assertTrue(preferences.respondAsync(), element);
        assertEquals(Optional.of(ReturnPreference.MINIMAL), preferences.returnPreference());
        assertEquals(Optional.empty(), preferences.waitTime());
        assertEquals(element.startsWith("wait"), preferences.waitMalformed(), element);
    }

    @Test
    void anUnterminatedQuoteSwallowsTheRestOfItsFieldLineOnly() {
        Preferences preferences = Preferences.parse("respond-async, wait=\"10, return=minimal", "handling=strict");
        assertTrue(preferences.respondAsync());
        assertEquals(List.of("wait=\"10, return=minimal"), preferences.malformedElements());
        assertTrue(preferences.waitMalformed());
        assertEquals(Optional.empty(), preferences.returnPreference());
        assertEquals(Optional.of(HandlingPreference.STRICT), preferences.handling());
    }

    @Test
    void aCommaInsideAQuotedValueOfAMalformedElementDoesNotSplitIt() {
        Preferences preferences = Preferences.parse("foo=\"a,b\"junk, wait=4");
        assertEquals(List.of("foo=\"a,b\"junk"), preferences.malformedElements());
        assertEquals(Optional.of(Duration.ofSeconds(4)), preferences.waitTime());
    }

    @Test
    void respondAsyncTakesNoValue() {
        assertTrue(Preferences.parse("respond-async").respondAsync());
        assertTrue(Preferences.parse("respond-async=\"\"").respondAsync());
        assertTrue(Preferences.parse("respond-async; foo=bar").respondAsync());
        assertFalse(Preferences.parse("respond-async=false").respondAsync());
        assertFalse(Preferences.parse("wait=5").respondAsync());
    }

    @Test
    void unknownReturnAndHandlingValuesAreIgnored() {
        assertEquals(Optional.empty(), Preferences.parse("return=everything").returnPreference());
        assertEquals(Optional.empty(), Preferences.parse("return").returnPreference());
        assertEquals(Optional.empty(), Preferences.parse("handling=sloppy").handling());
        assertEquals(Optional.of(HandlingPreference.STRICT), Preferences.parse("handling=strict").handling());
        assertEquals(Optional.of(ReturnPreference.REPRESENTATION), Preferences.parse("return=\"representation\"").returnPreference());
    }

    @Test
    void unknownPreferencesAreKeptForWhoeverUnderstandsThem() {
        Preferences preferences = Preferences.parse("odata.maxpagesize=50, x-custom");
        assertEquals("50", preferences.get("odata.maxpagesize").orElseThrow().value());
        assertTrue(preferences.contains("x-custom"));
        assertFalse(preferences.get("x-custom").orElseThrow().hasValue());
        assertEquals(Optional.empty(), preferences.get("absent"));
    }

    @Test
    void formatsBackToAFieldValue() {
        assertEquals("wait=10; foo=\"a b\", respond-async, x=\"q\\\"\"",
                Preferences.parse("WAIT=10;FOO=\"a b\", respond-async, x=\"q\\\"\"").toString());
    }

    @Test
    void preferenceRejectsNamesThatAreNotTokens() {
        assertThrows(IllegalArgumentException.class, () -> Preference.of("a b"));
        assertThrows(IllegalArgumentException.class, () -> Preference.of(""));
        assertThrows(IllegalArgumentException.class, () -> new Preference("ok", "", Map.of("bad name", "")));
        assertEquals("ok", new Preference("OK", null, null).name());
    }

    @Test
    void resultsAreUnmodifiable() {
        Preferences preferences = Preferences.parse("wait=1; a=b, bad=\"");
        assertThrows(UnsupportedOperationException.class, () -> preferences.all().clear());
        assertThrows(UnsupportedOperationException.class, () -> preferences.malformedElements().clear());
        assertThrows(UnsupportedOperationException.class, () -> preferences.get("wait").orElseThrow().parameters().clear());
    }
}
