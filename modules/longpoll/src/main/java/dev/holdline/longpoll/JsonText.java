package dev.holdline.longpoll;

/**
 * A strict RFC 8259 checker for published data: exactly one JSON value, optionally surrounded by
 * whitespace. Published data is embedded in responses as is, so anything it accepts must keep every
 * response valid JSON; hence no comments, no trailing commas, no raw control characters and no lone
 * surrogates (which UTF-8 cannot encode).
 */
final class JsonText {

    /** Deep enough for any sane payload, shallow enough that the recursion cannot overflow the stack. */
    static final int MAX_DEPTH = 256;

    private final String text;
    private int pos;

    private JsonText(String text) {
        this.text = text;
    }

    /** Whether the text is exactly one JSON value. */
    static boolean isSingleValue(String text) {
        return text != null && problem(text) == null;
    }

    /** Why the text is not exactly one JSON value, or null if it is. */
    static String problem(String text) {
        JsonText checker = new JsonText(text);
        try {
            checker.skipWhitespace();
            checker.value(0);
            checker.skipWhitespace();
            if (checker.pos != text.length()) {
                throw checker.error("unexpected text after the value");
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private void value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        if (pos >= text.length()) {
            throw error("expected a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    number();
                } else {
                    throw error("expected a value");
                }
            }
        }
    }

    private void object(int depth) {
        pos++;
        skipWhitespace();
        if (consume('}')) {
            return;
        }
        while (true) {
            skipWhitespace();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error("expected a member name");
            }
            string();
            skipWhitespace();
            if (!consume(':')) {
                throw error("expected ':'");
            }
            skipWhitespace();
            value(depth + 1);
            skipWhitespace();
            if (consume('}')) {
                return;
            }
            if (!consume(',')) {
                throw error("expected ',' or '}'");
            }
        }
    }

    private void array(int depth) {
        pos++;
        skipWhitespace();
        if (consume(']')) {
            return;
        }
        while (true) {
            skipWhitespace();
            value(depth + 1);
            skipWhitespace();
            if (consume(']')) {
                return;
            }
            if (!consume(',')) {
                throw error("expected ',' or ']'");
            }
        }
    }

    private void string() {
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c == '\\') {
                pos++;
                if (pos >= text.length()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(pos);
                if (e == 'u') {
                    if (pos + 4 >= text.length()) {
                        throw error("short \\u escape");
                    }
                    for (int i = 1; i <= 4; i++) {
                        if (Character.digit(text.charAt(pos + i), 16) < 0) {
                            throw error("bad \\u escape");
                        }
                    }
                    pos += 5;
                    continue;
                }
                if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw error("bad escape");
                }
                pos++;
                continue;
            }
            if (Character.isHighSurrogate(c) && pos + 1 < text.length() && Character.isLowSurrogate(text.charAt(pos + 1))) {
                pos += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw error("lone surrogate");
            }
            pos++;
        }
    }

    private void number() {
        consume('-');
        if (consume('0')) {
            // a leading zero stands alone
        } else if (!digits()) {
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

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
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
