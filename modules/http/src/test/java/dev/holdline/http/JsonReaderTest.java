package dev.holdline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's strict JSON reader keeps raw text and refuses anything that is not RFC 8259. */
class JsonReaderTest {

    @Test
    void keepsRawTextAndDecodesStrings() {
        JsonReader.Node doc = JsonReader.parse(" {\"a\" : [1, -0.5e+3, true, null], \"s\":\"x\\u00e9\\n\\\"\\/\", \"o\":{ }} ");
        assertEquals("[1, -0.5e+3, true, null]", doc.object().get("a").raw());
        assertEquals(List.of("1", "-0.5e+3", "true", "null"), doc.object().get("a").array().stream().map(JsonReader.Node::raw).toList());
        assertEquals("xé\n\"/", doc.object().get("s").string());
        assertEquals("{ }", doc.object().get("o").raw());
        assertNull(doc.object().get("a").string());
    }

    @Test
    void refusesWhatIsNotOneJsonValue() {
        for (String bad : List.of("", "{", "{\"a\":1,}", "[1,]", "{'a':1}", "01", "1.", "-", "tru", "\"\u0001\"", "\"\\x\"",
                "\"\\u12\"", "{\"a\":1}{}", "{\"a\":1,\"a\":2}", "[".repeat(300) + "]".repeat(300), "NaN")) {
            assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(bad), bad);
        }
    }
}
