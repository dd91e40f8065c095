package dev.holdline.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JsonReader} as the check that a text is exactly one JSON value. */
class JsonReaderValidationTest {

    private static boolean isSingleValue(String text) {
        if (text == null) {
            return false;
        }
        try {
            JsonReader.parse(text);
            return true;
        } catch (IllegalArgumentException notOneValue) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "true", "false", "0", "-0", "12", "-1.5e+10", "1E3", "0.25", "\"\"",
            "\"a\\\"b\\\\c\\/\\b\\f\\n\\r\\t\\u00e9\"", "[]", "{}", " [1, 2 ,3] ", "{\"a\":{\"b\":[null,{}]}}",
            "\n\t{\"x\" : 1}\r\n", "\"\uD83D\uDE00\"", "\"\\uD800\""})
    void acceptsOneJsonValue(String text) {
        assertTrue(isSingleValue(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "nul", "True", "01", "1.", ".5", "-", "+1", "1e", "NaN", "Infinity", "'a'",
            "\"a", "\"\\x\"", "\"\\u12\"", "\"a\nb\"", "[1,]", "[1 2]", "{\"a\"}", "{\"a\":1,}", "{a:1}", "1 2",
            "[] []", "{}x", "/* c */ 1", "\"\uD800\"", "\u00a01"})
    void refusesAnythingElse(String text) {
        assertFalse(isSingleValue(text), text);
    }

    @Test
    void refusesNull() {
        assertFalse(isSingleValue(null));
    }

    @Test
    void refusesHostileNestingWithoutOverflowingTheStack() {
        assertFalse(isSingleValue("[".repeat(100_000)));
        assertTrue(isSingleValue("[".repeat(200) + "]".repeat(200)));
    }
}
