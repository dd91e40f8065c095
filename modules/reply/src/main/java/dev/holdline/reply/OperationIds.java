package dev.holdline.reply;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Operation ids: 128 random bits in base64url without padding (22 characters). Unguessable, because
 * the status monitor's URL is the only thing between a stranger and someone else's result, and safe
 * in a URL path segment as they are.
 */
public final class OperationIds {
    /** The length of every id this class makes. */
    public static final int LENGTH = 22;
    /** The longest id a store accepts (ids made elsewhere may be longer than {@link #LENGTH}). */
    public static final int MAX_LENGTH = 64;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private OperationIds() {
    }

    /** @return a fresh random id */
    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Checked before any store is asked, so that a malformed id in a URL is a 404, never a query.
     *
     * @param id a candidate id, possibly null
     * @return whether {@code id} is 1 to {@link #MAX_LENGTH} characters of the base64url alphabet
     */
    public static boolean isWellFormed(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
