package dev.holdline.http;

/**
 * Character classes and small formatting rules of the RFC 9110 field grammar (section 5.6), shared by
 * the parsers and writers of this package.
 */
final class HttpSyntax {

    private HttpSyntax() {
    }

    /** {@code tchar}: the characters a token may contain. */
    static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code OWS}: optional whitespace is spaces and horizontal tabs only. */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** Removes leading and trailing OWS (spaces and tabs, nothing else). */
    static String trimWhitespace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * Characters allowed inside a quoted-string once unescaped ({@code qdtext} or {@code quoted-pair}):
     * HTAB, SP, visible ASCII and obs-text. Field values arrive decoded as ISO-8859-1, so obs-text is
     * U+0080..U+00FF; anything above cannot be sent on the wire.
     */
    static boolean isQuotableChar(char c) {
        return c == '\t' || c >= 0x20 && c != 0x7F && c <= 0xFF;
    }

    /**
     * Formats a {@code word} (token or quoted-string): a token when the value allows it, otherwise a
     * quoted-string with {@code "} and {@code \} escaped.
     *
     * @throws IllegalArgumentException if the value holds a character no field value can carry
     */
    static String word(String value) {
        if (isToken(value)) {
            return value;
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isQuotableChar(c)) {
                throw new IllegalArgumentException("Value '" + value + "' holds character U+"
                        + String.format("%04X", (int) c) + ", which an HTTP field value cannot carry");
            }
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }
}
