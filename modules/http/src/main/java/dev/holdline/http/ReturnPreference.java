package dev.holdline.http;

import java.util.Optional;

/** The values of the {@code return} preference (RFC 7240 section 4.2). */
public enum ReturnPreference {
    /** {@code return=representation}: the client wants the full resource in the response. */
    REPRESENTATION("representation"),
    /** {@code return=minimal}: the client wants as little content as possible. */
    MINIMAL("minimal");

    private final String token;

    ReturnPreference(String token) {
        this.token = token;
    }

    /** The value as written on the wire. */
    public String token() {
        return token;
    }

    /** The constant for a wire value; values are case-sensitive (RFC 7240 section 2). */
    public static Optional<ReturnPreference> fromToken(String value) {
        for (ReturnPreference candidate : values()) {
            if (candidate.token.equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
