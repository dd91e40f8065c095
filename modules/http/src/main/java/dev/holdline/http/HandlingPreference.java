package dev.holdline.http;

import java.util.Optional;

/** The values of the {@code handling} preference (RFC 7240 section 4.4). */
public enum HandlingPreference {
    /** {@code handling=strict}: reject the request on any error the server can detect. */
    STRICT("strict"),
    /** {@code handling=lenient}: process the request despite minor errors where possible. */
    LENIENT("lenient");

    private final String token;

    HandlingPreference(String token) {
        this.token = token;
    }

    /** The value as written on the wire. */
    public String token() {
        return token;
    }

    /** The constant for a wire value; values are case-sensitive (RFC 7240 section 2). */
    public static Optional<HandlingPreference> fromToken(String value) {
        for (HandlingPreference candidate : values()) {
            if (candidate.token.equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
