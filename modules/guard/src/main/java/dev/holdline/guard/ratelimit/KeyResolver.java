package dev.holdline.guard.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Turns a request into the key of its bucket. Each kind of key has a prefix of its own, so that a user
 * named like an address never shares that address's bucket; long header values are hashed, so that a
 * client cannot make each of the bounded number of keys large.
 */
final class KeyResolver {

    /** The key of every call outside an HTTP request. */
    static final String NO_REQUEST = "none";
    static final String GLOBAL = "global";
    private static final int MAX_PLAIN_LENGTH = 128;

    private final RateLimitKey kind;
    private final String header;
    private final ClientAddresses addresses;

    /**
     * @param header the header name, required for {@link RateLimitKey#HEADER}
     * @throws IllegalArgumentException if {@code HEADER} comes without a header name
     */
    KeyResolver(RateLimitKey kind, String header, ClientAddresses addresses) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.header = header == null ? "" : header.strip();
        if (kind == RateLimitKey.HEADER && this.header.isEmpty()) {
            throw new IllegalArgumentException("Key HEADER needs a header name");
        }
    }

    /** The key of this request; {@code null} means a call outside any HTTP request. */
    String keyOf(HttpServletRequest request) {
        if (kind == RateLimitKey.GLOBAL) {
            return GLOBAL;
        }
        if (request == null) {
            return NO_REQUEST;
        }
        if (kind == RateLimitKey.PRINCIPAL) {
            Principal principal = request.getUserPrincipal();
            if (principal != null && principal.getName() != null) {
                return "user:" + bounded(principal.getName());
            }
        } else if (kind == RateLimitKey.HEADER) {
            String value = request.getHeader(header);
            if (value != null && !value.isBlank()) {
                return "header:" + bounded(value.strip());
            }
        }
        return "ip:" + addresses.of(request);
    }

    String describe() {
        return kind == RateLimitKey.HEADER ? "HEADER(" + header + ")" : kind.name();
    }

    private static String bounded(String value) {
        if (value.length() <= MAX_PLAIN_LENGTH) {
            return value;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform has SHA-256", impossible);
        }
    }
}
