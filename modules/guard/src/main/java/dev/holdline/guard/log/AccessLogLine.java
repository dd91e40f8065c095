package dev.holdline.guard.log;

/**
 * One access-log line in logfmt: {@code key=value} pairs separated by one space, in the order added. A
 * value is written bare when it is non-empty printable ASCII without {@code "}, {@code =} or {@code \};
 * otherwise it is quoted, with {@code "} and {@code \} escaped by a backslash, CR, LF and tab as
 * {@code \r}, {@code \n}, {@code \t}, and every other control or line-separating character as
 * {@code \}{@code uXXXX}. So no value (a hostile path or header) can end the line or forge a field.
 */
final class AccessLogLine {

    private final StringBuilder text = new StringBuilder(160);

    /** Adds {@code key=value}; a {@code null} value leaves the field out. Keys are the module's own. */
    AccessLogLine field(String key, Object value) {
        if (value == null) {
            return this;
        }
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(key).append('=');
        appendValue(text, value.toString());
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static void appendValue(StringBuilder out, String value) {
        if (isBare(value)) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsUnicodeEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isBare(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '"' || c == '=' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** C0 and C1 controls, DEL, and the characters some readers take as line ends (NEL, LS, PS). */
    private static boolean needsUnicodeEscape(char c) {
        return c < ' ' || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
