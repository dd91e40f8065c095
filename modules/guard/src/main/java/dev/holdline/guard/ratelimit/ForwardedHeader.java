package dev.holdline.guard.ratelimit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * Which header a trusted proxy reports the client's address in, and how to read its hops in order
 * (client first, nearest proxy last). An unreadable hop is kept as null, so that whoever walks the hops
 * from the right stops there.
 */
enum ForwardedHeader {
    /** {@code X-Forwarded-For: client, proxy1, proxy2}. */
    X_FORWARDED_FOR("X-Forwarded-For"),
    /** {@code Forwarded: for=client, for="[2001:db8::1]:4711";proto=https} (RFC 7239). */
    FORWARDED("Forwarded");

    private final String fieldName;

    ForwardedHeader(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The field name. */
    String fieldName() {
        return fieldName;
    }

    /**
     * The setting's value by field name, case-insensitively.
     *
     * @throws IllegalArgumentException for another name
     */
    static ForwardedHeader byFieldName(String name) {
        for (ForwardedHeader header : values()) {
            if (header.fieldName.equalsIgnoreCase(name)) {
                return header;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is neither X-Forwarded-For nor Forwarded");
    }

    /** The hops of every field line, in order; null where a hop is no address. */
    List<String> hops(Enumeration<String> lines) {
        if (lines == null) {
            return List.of();
        }
        List<String> hops = new ArrayList<>();
        for (String line : Collections.list(lines)) {
            for (String element : split(line, ',')) {
                hops.add(this == X_FORWARDED_FOR ? element.strip() : forNode(element));
            }
        }
        return hops;
    }

    /** The {@code for} node of one {@code Forwarded} element, unquoted, or null if it has none. */
    private static String forNode(String element) {
        String node = null;
        for (String pair : split(element, ';')) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return null;
            }
            if (pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) {
                if (node != null) {
                    return null;
                }
                node = unquote(pair.substring(equals + 1).strip());
            }
        }
        return node;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            return value.substring(1, value.length() - 1).replace("\\", "");
        }
        return value.indexOf('"') >= 0 ? null : value;
    }

    /** Splits at {@code separator} outside quoted strings. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
