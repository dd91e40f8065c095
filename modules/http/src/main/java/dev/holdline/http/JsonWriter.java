package dev.holdline.http;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A minimal JSON (RFC 8259) serialiser for the plain values Holdline puts on the wire: {@code null},
 * strings, booleans, numbers, collections (as arrays) and maps with string keys (as objects, in the
 * map's iteration order). Holdline keeps its own rather than bundling a JSON library, so that dropping
 * its jars into a WAR never drags one in.
 *
 * <p>Strings are escaped so that the output is valid everywhere JSON goes: {@code "} and {@code \},
 * every control character U+0000..U+001F (short escapes where JSON has them, {@code \}{@code u00XX}
 * otherwise), and U+2028 / U+2029, which older JavaScript parsers take for line ends. A lone surrogate
 * cannot be encoded in UTF-8 at all, so it is written as U+FFFD (the replacement character) instead of
 * producing bytes a strict decoder would reject.
 */
public final class JsonWriter {

    /** RFC 8259 section 6. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /**
     * Nesting deeper than this is refused; a cyclic structure would otherwise overflow the stack. No
     * legitimate Holdline payload comes close.
     */
    static final int MAX_DEPTH = 64;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    /**
     * Serialises a value.
     *
     * @throws IllegalArgumentException for an unsupported type, a non-finite number, a non-string map
     *                                  key, or nesting deeper than {@value #MAX_DEPTH}
     */
    public static String toJson(Object value) {
        StringBuilder out = new StringBuilder();
        appendValue(out, value);
        return out.toString();
    }

    /** Appends a serialised value; see {@link #toJson(Object)}. */
    public static void appendValue(StringBuilder out, Object value) {
        appendValue(out, value, 0, false);
    }

    /** Appends a string as a quoted, escaped JSON string. */
    public static void appendString(StringBuilder out, String value) {
        appendString(out, value, false);
    }

    /**
     * Serialises a value using ASCII characters only, everything else escaped; for the rare sink whose
     * character encoding is out of our hands.
     */
    static String toAsciiJson(Object value) {
        StringBuilder out = new StringBuilder();
        appendValue(out, value, 0, true);
        return out.toString();
    }

    private static void appendValue(StringBuilder out, Object value, int depth, boolean asciiOnly) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nesting deeper than " + MAX_DEPTH + " levels (is the structure cyclic?)");
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            appendString(out, text.toString(), asciiOnly);
        } else if (value instanceof Boolean bool) {
            out.append(bool.booleanValue());
        } else if (value instanceof Number number) {
            out.append(numberText(number));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be strings, found " + describe(entry.getKey()));
                }
                out.append(first ? "" : ",");
                first = false;
                appendString(out, key, asciiOnly);
                out.append(':');
                appendValue(out, entry.getValue(), depth + 1, asciiOnly);
            }
            out.append('}');
        } else if (value instanceof Collection<?> collection) {
            out.append('[');
            boolean first = true;
            for (Object element : collection) {
                out.append(first ? "" : ",");
                first = false;
                appendValue(out, element, depth + 1, asciiOnly);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("Cannot write " + describe(value) + " as JSON: use String, Number,"
                    + " Boolean, null, a List or a Map with String keys");
        }
    }

    /**
     * The JSON text of a number, checked against the JSON grammar so that {@code NaN}, infinities and
     * exotic {@link Number} subclasses fail here instead of producing invalid output.
     */
    static String numberText(Number number) {
        String text = number.toString();
        if (!JSON_NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("Number " + text + " (" + number.getClass().getName()
                    + ") cannot be written as JSON: JSON numbers are finite decimals");
        }
        return text;
    }

    private static void appendString(StringBuilder out, String value, boolean asciiOnly) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u2028', '\u2029' -> unicodeEscape(out, c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        if (asciiOnly) {
                            unicodeEscape(out, c);
                            unicodeEscape(out, value.charAt(i + 1));
                        } else {
                            out.append(c).append(value.charAt(i + 1));
                        }
                        i++;
                    } else if (Character.isSurrogate(c)) {
                        if (asciiOnly) {
                            unicodeEscape(out, '\uFFFD');
                        } else {
                            out.append('\uFFFD');
                        }
                    } else if (asciiOnly && c > 0x7E) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
    }

    static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getName();
    }
}
