package dev.holdline.http;

/**
 * A cursor over one field value for the list-shaped grammars of RFC 9110 section 5.6. Parse errors are
 * reported as {@link IllegalArgumentException}s that quote the whole value and the offending position,
 * so that callers can pass them on to clients unchanged.
 */
final class FieldScanner {

    private final String input;
    private int pos;

    FieldScanner(String input) {
        this.input = input;
    }

    int position() {
        return pos;
    }

    boolean atEnd() {
        return pos >= input.length();
    }

    char peek() {
        return input.charAt(pos);
    }

    boolean peekIs(char c) {
        return pos < input.length() && input.charAt(pos) == c;
    }

    void advance() {
        pos++;
    }

    void skipWhitespace() {
        while (pos < input.length() && HttpSyntax.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    /** Consumes {@code c} if it is next. */
    boolean consume(char c) {
        if (peekIs(c)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Reads a token; an empty result means no token starts here. */
    String token() {
        int start = pos;
        while (pos < input.length() && HttpSyntax.isTokenChar(input.charAt(pos))) {
            pos++;
        }
        return input.substring(start, pos);
    }

    /** Reads a quoted-string whose opening quote is next, returning its unescaped content. */
    String quotedString() {
        int start = pos;
        if (!consume('"')) {
            throw error("expected '\"'");
        }
        StringBuilder content = new StringBuilder();
        while (pos < input.length()) {
            char c = input.charAt(pos++);
            if (c == '"') {
                return content.toString();
            }
            if (c == '\\') {
                if (pos >= input.length()) {
                    break;
                }
                c = input.charAt(pos++);
            }
            if (!HttpSyntax.isQuotableChar(c)) {
                pos--;
                throw error("character U+" + String.format("%04X", (int) c) + " is not allowed in a quoted-string");
            }
            content.append(c);
        }
        pos = start;
        throw error("quoted-string is not closed");
    }

    /** Reads a {@code word}: a token or a quoted-string. An empty token means no word starts here. */
    String word() {
        return peekIs('"') ? quotedString() : token();
    }

    /** Moves back to an earlier position. */
    void reset(int position) {
        pos = position;
    }

    /**
     * Moves past the next comma that is not inside a quoted-string (or to the end), so that a list
     * parser can drop one bad element and go on with the next.
     *
     * @return whether a separating comma was passed, as opposed to reaching the end
     */
    boolean skipToNextElement() {
        boolean quoted = false;
        while (pos < input.length()) {
            char c = input.charAt(pos++);
            if (quoted && c == '\\') {
                pos++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return true;
            }
        }
        pos = input.length();
        return false;
    }

    IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("Malformed field value '" + input + "' at position " + pos + ": " + problem);
    }
}
