package dev.holdline.guard.log;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The request headers an access-log filter is configured to log, and which of them are always redacted:
 * credentials ({@code Authorization}, {@code Proxy-Authorization}), cookies ({@code Cookie},
 * {@code Set-Cookie}) and any name containing {@code csrf}, {@code xsrf}, {@code token}, {@code secret},
 * {@code password}, {@code session}, {@code api-key} or {@code apikey}. A redacted header is logged as
 * {@value #REDACTED} when present, so that its presence stays visible but its value never is.
 */
final class LoggedHeaders {

    static final String REDACTED = "[redacted]";

    private static final Set<String> CREDENTIALS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
    private static final List<String> SENSITIVE_PARTS = List.of("csrf", "xsrf", "token", "secret", "password", "session",
            "api-key", "apikey");

    private final List<String> names;

    private LoggedHeaders(List<String> names) {
        this.names = List.copyOf(names);
    }

    /** The header names, lower-case, in the order configured. */
    List<String> names() {
        return names;
    }

    /**
     * Parses a comma-separated list of header names.
     *
     * @throws IllegalArgumentException for a name that is not an HTTP token
     */
    static LoggedHeaders parse(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String item : text.split(",")) {
            String name = item.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new IllegalArgumentException("'" + name + "' is not a header name");
            }
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return new LoggedHeaders(List.copyOf(names));
    }

    static LoggedHeaders none() {
        return new LoggedHeaders(List.of());
    }

    /** Whether the value of this (lower-case) header name is never logged. */
    static boolean redacted(String lowerCaseName) {
        if (CREDENTIALS.contains(lowerCaseName)) {
            return true;
        }
        for (String part : SENSITIVE_PARTS) {
            if (lowerCaseName.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** What to log for a header with this value: {@code null} if absent, the value, or {@value #REDACTED}. */
    static String logged(String lowerCaseName, String value) {
        if (value == null) {
            return null;
        }
        return redacted(lowerCaseName) ? REDACTED : value;
    }
}
