package dev.holdline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonWriterTest {

    @Test
    void writesScalars() {
        assertEquals("null", JsonWriter.toJson(null));
        assertEquals("true", JsonWriter.toJson(true));
        assertEquals("false", JsonWriter.toJson(Boolean.FALSE));
        assertEquals("\"text\"", JsonWriter.toJson("text"));
        assertEquals("\"sb\"", JsonWriter.toJson(new StringBuilder("sb")));
    }

    @Test
    void writesNumbers() {
        assertEquals("42", JsonWriter.toJson(42));
        assertEquals("-7", JsonWriter.toJson(-7L));
        assertEquals("3", JsonWriter.toJson((short) 3));
        assertEquals("1.5", JsonWriter.toJson(1.5));
        assertEquals("-0.0", JsonWriter.toJson(-0.0));
        assertEquals("1.0E-5", JsonWriter.toJson(0.00001));
        assertEquals("2.5", JsonWriter.toJson(2.5f));
        assertEquals("123456789012345678901234567890", JsonWriter.toJson(new BigInteger("123456789012345678901234567890")));
        assertEquals("1E+3", JsonWriter.toJson(new BigDecimal("1E+3")));
        assertEquals("0.10", JsonWriter.toJson(new BigDecimal("0.10")));
        assertEquals("5", JsonWriter.toJson(new AtomicLong(5)));
    }

    @Test
    void refusesNumbersJsonCannotHold() {
        for (Number bad : List.<Number>of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonWriter.toJson(bad));
            assertTrue(e.getMessage().contains("finite"), e.getMessage());
        }
    }

    @Test
    void writesArraysAndObjectsInOrder() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("z", 1);
        object.put("a", Arrays.asList("x", null, false));
        object.put("nested", Map.of("k", List.of()));
        object.put("empty", Map.of());
        assertEquals("{\"z\":1,\"a\":[\"x\",null,false],\"nested\":{\"k\":[]},\"empty\":{}}", JsonWriter.toJson(object));
        assertEquals("[1]", JsonWriter.toJson(Set.of(1)));
    }

    @ParameterizedTest(name = "[{index}] U+{0}")
    @CsvSource({
        "0000, \\u0000", "0001, \\u0001", "0008, \\b", "0009, \\t", "000A, \\n", "000B, \\u000b", "000C, \\f",
        "000D, \\r", "001B, \\u001b", "001F, \\u001f", "0022, \\\"", "005C, \\\\", "2028, \\u2028", "2029, \\u2029"})
    void escapesWhatMustBeEscaped(String hex, String expected) {
        char c = (char) Integer.parseInt(hex, 16);
        assertEquals("\"a" + expected + "b\"", JsonWriter.toJson("a" + c + "b"));
    }

    @Test
    void escapesEveryControlCharacter() {
        for (char c = 0; c < 0x20; c++) {
            String json = JsonWriter.toJson(String.valueOf(c));
            assertTrue(json.matches("\"\\\\(u00[01][0-9a-f]|[btnfr])\""), json);
        }
    }

    @Test
    void leavesOtherCharactersAlone() {
        assertEquals("\"/ caf\u00e9 \u2603 \uD83D\uDE00 \u007f\"", JsonWriter.toJson("/ caf\u00e9 \u2603 \uD83D\uDE00 \u007f"));
    }

    @Test
    void replacesLoneSurrogatesSoTheOutputIsValidUtf8() throws CharacterCodingException {
        String json = JsonWriter.toJson("a\uD800b\uDC00c\uDBFF");
        assertEquals("\"a\uFFFDb\uFFFDc\uFFFD\"", json);
        assertValidUtf8(json.getBytes(StandardCharsets.UTF_8));
        assertEquals("\"\uFFFD\uD83D\uDE00\"", JsonWriter.toJson("\uDE00\uD83D\uDE00"));
    }

    @Test
    void canWriteAsciiOnly() {
        assertEquals("\"caf\\u00e9 \\ud83d\\ude00 \\ufffd \\u007f \\n\"", JsonWriter.toAsciiJson("caf\u00e9 \uD83D\uDE00 \uD800 \u007f \n"));
    }

    @Test
    void refusesUnsupportedValues() {
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> JsonWriter.toJson(new Object()));
        assertTrue(type.getMessage().contains("java.lang.Object"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.toJson(Map.of(1, "x")));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.toJson(new int[] {1}));
    }

    @Test
    void refusesCyclesInsteadOfOverflowingTheStack() {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonWriter.toJson(cyclic));
        assertTrue(e.getMessage().contains("cyclic"), e.getMessage());
    }

    @Test
    void appendsToABuilder() {
        StringBuilder out = new StringBuilder("x=");
        JsonWriter.appendString(out, "q\"");
        JsonWriter.appendValue(out.append(';'), List.of(1));
        assertEquals("x=\"q\\\"\";[1]", out.toString());
    }

    static void assertValidUtf8(byte[] bytes) throws CharacterCodingException {
        StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));
    }
}
