package dev.holdline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagTest {

    @Test
    void parsesStrongAndWeakTags() {
        assertEquals(EntityTag.strong("abc"), EntityTag.parse("\"abc\""));
        assertEquals(EntityTag.weak("abc"), EntityTag.parse("W/\"abc\""));
        assertEquals(EntityTag.strong(""), EntityTag.parse("\"\""));
        assertEquals(EntityTag.weak("x,y"), EntityTag.parse(" \tW/\"x,y\" "));
        assertEquals(EntityTag.strong("!#~\u0080\u00ff"), EntityTag.parse("\"!#~\u0080\u00ff\""));
    }

    @Test
    void formatsTags() {
        assertEquals("\"abc\"", EntityTag.strong("abc").format());
        assertEquals("W/\"abc\"", EntityTag.weak("abc").format());
        assertEquals("W/\"abc\"", EntityTag.weak("abc").toString());
        assertEquals(EntityTag.weak("v1"), EntityTag.parse(EntityTag.weak("v1").format()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "abc           | must be in double quotes",
        "''            | must be in double quotes",
        "W/abc         | must be in double quotes",
        "w/\"abc\"     | upper-case 'W/'",
        "W\"abc\"      | expected 'W/\"'",
        "W /\"abc\"    | expected 'W/\"'",
        "W/ \"abc\"    | must be in double quotes",
        "\"abc         | missing closing",
        "W/\"abc       | missing closing",
        "\"ab c\"      | U+0020",
        "\"ab\tc\"     | U+0009",
        "\"a\\\"b\"    | unexpected text after",
        "\"é\u0100\"   | U+0100",
        "\"abc\" x     | unexpected text after",
        "\"a\" \"b\"   | unexpected text after",
        "\"a\",\"b\"   | unexpected text after",
        "*             | must be in double quotes",
        "'abc'         | must be in double quotes"})
    void rejectsMalformedTagsSayingWhy(String value, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EntityTag.parse(value));
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"a b", "a\"b", "tab\t", "\u0000", "\u007f", "\u0100", "caf\u00e9\u2603"})
    void constructionRejectsCharactersATagCannotHold(String opaque) {
        assertThrows(IllegalArgumentException.class, () -> EntityTag.strong(opaque));
        assertThrows(IllegalArgumentException.class, () -> EntityTag.weak(opaque));
    }

    /** The example table of RFC 9110 section 8.8.3.2. */
    @ParameterizedTest(name = "[{index}] {0} vs {1}: strong {2}, weak {3}")
    @CsvSource(delimiter = '|', value = {
        "W/\"1\" | W/\"1\" | false | true",
        "W/\"1\" | W/\"2\" | false | false",
        "W/\"1\" | \"1\"   | false | true",
        "\"1\"   | \"1\"   | true  | true"})
    void comparesAsRfc9110Says(String first, String second, boolean strong, boolean weak) {
        EntityTag a = EntityTag.parse(first);
        EntityTag b = EntityTag.parse(second);
        assertEquals(strong, a.strongMatch(b));
        assertEquals(strong, b.strongMatch(a));
        assertEquals(weak, a.weakMatch(b));
        assertEquals(weak, b.weakMatch(a));
    }

    @Test
    void makesTagsWeak() {
        EntityTag weak = EntityTag.weak("x");
        assertSame(weak, weak.toWeak());
        assertEquals(weak, EntityTag.strong("x").toWeak());
        assertFalse(EntityTag.strong("x").toWeak().strongMatch(EntityTag.strong("x")));
    }
}
