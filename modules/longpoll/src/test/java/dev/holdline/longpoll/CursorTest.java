package dev.holdline.longpoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.holdline.http.EntityTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    @Test
    void roundTrips() {
        Cursor cursor = Cursor.parse("k3j9x.42");
        assertEquals(new Cursor("k3j9x", 42), cursor);
        assertEquals("k3j9x.42", cursor.toString());
        assertEquals("\"k3j9x.42\"", EntityTag.strong(cursor.toString()).format());
    }

    @Test
    void acceptsPositionZeroAndTheLargestLong() {
        assertEquals(0, Cursor.parse("a.0").position());
        assertEquals(Long.MAX_VALUE, Cursor.parse("a." + Long.MAX_VALUE).position());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "a.", ".1", "a", "A.1", "a.-1", "a.+1", "a.1.2", "a b.1", "a.1 ", "a.0x1",
            "a.9223372036854775808", "a.99999999999999999999", "é.1", "a.١"})
    void refusesMalformedCursors(String text) {
        assertThrows(IllegalArgumentException.class, () -> Cursor.parse(text));
    }

    @Test
    void refusesOverlongEpochs() {
        assertThrows(IllegalArgumentException.class, () -> Cursor.parse("a".repeat(65) + ".1"));
        assertEquals(1, Cursor.parse("a".repeat(64) + ".1").position());
    }
}
