package dev.holdline.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal, strict RFC 8259 reader, the counterpart of {@link JsonWriter}: it checks that a text is
 * exactly one JSON value (what a server may embed verbatim in its own JSON, such as published event
 * data) and reads small documents (what a client receives). It keeps the raw text of every value, so
 * embedded data passes through exactly as written, and it needs no JSON library (Holdline's modules
 * stay dependency-free). Strict on purpose: no comments, no trailing commas, no raw control characters
 * and no lone surrogates (which UTF-8 cannot encode); anything it accepts keeps a document valid.
 */
public final class JsonReader {

    /** Deep enough for any sane document, shallow enough that the recursion cannot overflow the stack. */
    public static final int MAX_DEPTH = 256;

    /**
     * One value.
     *
     * @param raw   the value's text as sent
     * @param value a decoded {@code String}, a {@code List<Node>}, a {@code Map<String, Node>}, or null
     *              for numbers, booleans and null (only their raw text is kept)
     */
    public record Node(String raw, Object value) {

        /** The decoded string, or null if this is not a string. */
        public String string() {
            return value instanceof String s ? s : null;
        }

        /** The members in document order, or null if this is not an object. */
        @SuppressWarnings("unchecked")
        public Map<String, Node> object() {
            return value instanceof Map<?, ?> map ? (Map<String, Node>) map : null;
        }

        /** The elements, or null if this is not an array. */
        @SuppressWarnings("unchecked")
        public List<Node> array() {
            return value instanceof List<?> list ? (List<Node>) list : null;
        }
    }

    private final String text;
    private int pos;

    private JsonReader(String text) {
        this.text = text;
    }

    /**
     * Reads a text that must be exactly one JSON value, surrounded by optional whitespace.
     *
     * @throws IllegalArgumentException naming what is wrong and where
     */
    public static Node parse(String text) {
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        Node node = reader.value(0);
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw reader.error("unexpected text after the value");
        }
        return node;
    }

    private Node value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        if (pos >= text.length()) {
            throw error("expected a value");
        }
        int start = pos;
        char c = text.charAt(pos);
        Object value;
        switch (c) {
            case '{' -> value = object(depth);
            case '[' -> value = array(depth);
            case '"' -> value = string();
            case 't' -> value = literal("true");
            case 'f' -> value = literal("false");
            case 'n' -> value = literal("null");
            default -> {
                if (c != '-' && (c < '0' || c > '9')) {
                    throw error("expected a value");
                }
                number();
                value = null;
            }
        }
        return new Node(text.substring(start, pos), value);
    }

    private Map<String, Node> object(int depth) {
        pos++;
        Map<String, Node> members = new LinkedHashMap<>();
        skipWhitespace();
        if (consume('}')) {
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipWhitespace();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error("expected a member name");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Node member = value(depth + 1);
            // A repeated name is ambiguous (RFC 8259 section 4); refusing it beats picking one.
            if (members.putIfAbsent(name, member) != null) {
                throw error("duplicate member '" + name + "'");
            }
            skipWhitespace();
            if (consume('}')) {
                return Collections.unmodifiableMap(members);
            }
            expect(',');
        }
    }

    private List<Node> array(int depth) {
        pos++;
        List<Node> elements = new ArrayList<>();
        skipWhitespace();
        if (consume(']')) {
            return Collections.unmodifiableList(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth + 1));
            skipWhitespace();
            if (consume(']')) {
                return Collections.unmodifiableList(elements);
            }
            expect(',');
        }
    }

    private String string() {
        pos++;
        StringBuilder decoded = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return decoded.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (Character.isHighSurrogate(c) && pos + 1 < text.length() && Character.isLowSurrogate(text.charAt(pos + 1))) {
                decoded.append(c).append(text.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw error("lone surrogate");
            }
            if (c != '\\') {
                decoded.append(c);
                pos++;
                continue;
            }
            pos++;
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> decoded.append(e);
                case 'b' -> decoded.append('\b');
                case 'f' -> decoded.append('\f');
                case 'n' -> decoded.append('\n');
                case 'r' -> decoded.append('\r');
                case 't' -> decoded.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(text.charAt(pos + i), 16);
                        if (digit < 0) {
                            throw error("bad \\u escape");
                        }
                        code = code * 16 + digit;
                    }
                    pos += 4;
                    decoded.append((char) code);
                }
                default -> throw error("bad escape");
            }
        }
    }

    private void number() {
        consume('-');
        if (!consume('0') && !digits()) {
            throw error("expected a digit");
        }
        if (consume('.') && !digits()) {
            throw error("expected a digit after '.'");
        }
        if (consume('e') || consume('E')) {
            if (!consume('+')) {
                consume('-');
            }
            if (!digits()) {
                throw error("expected an exponent");
            }
        }
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private Object literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
        return null;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private boolean consume(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at position " + pos);
    }
}
