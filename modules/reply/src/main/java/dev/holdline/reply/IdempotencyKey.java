package dev.holdline.reply;

import java.util.Objects;

/**
 * The {@code Idempotency-Key} a submission came with. Two submissions are the same when
 * {@code scope} and {@code key} are equal; the {@code fingerprint} (of the request body) then tells a
 * true repeat from a different request reusing the key (422).
 *
 * @param scope       who and where: the principal and the route, so that two users' keys never meet
 * @param key         the header's value
 * @param fingerprint a digest of the request body
 */
public record IdempotencyKey(String scope, String key, String fingerprint) {
    /** The longest key accepted; the JDBC store's column is this wide. */
    public static final int MAX_KEY_LENGTH = 255;
    /** The longest scope accepted; the JDBC store's column is this wide. */
    public static final int MAX_SCOPE_LENGTH = 512;
    /** The longest fingerprint accepted; the JDBC store's column is this wide. */
    public static final int MAX_FINGERPRINT_LENGTH = 128;

    /** Refuses nulls, empty keys and values wider than a store can keep. */
    public IdempotencyKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key length must be 1.." + MAX_KEY_LENGTH);
        }
        if (scope.length() > MAX_SCOPE_LENGTH) {
            throw new IllegalArgumentException("scope longer than " + MAX_SCOPE_LENGTH);
        }
        if (fingerprint.length() > MAX_FINGERPRINT_LENGTH) {
            throw new IllegalArgumentException("fingerprint longer than " + MAX_FINGERPRINT_LENGTH);
        }
    }

    /**
     * @param other another submission's key
     * @return whether {@code other} names the same submission (scope and key), whatever its body
     */
    public boolean sameSubmission(IdempotencyKey other) {
        return scope.equals(other.scope) && key.equals(other.key);
    }
}
