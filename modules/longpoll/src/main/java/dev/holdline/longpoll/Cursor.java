package dev.holdline.longpoll;

import java.util.Objects;

/**
 * A position in one epoch of a topic's log, written {@code <epoch>.<position>}: the epoch in lower-case
 * base 36, the position in decimal. Both alphabets are valid inside an entity tag, so the cursor is
 * also the {@code ETag} of the response that hands it out.
 */
record Cursor(String epoch, long position) {

    static final int MAX_EPOCH_LENGTH = 64;

    Cursor {
        Objects.requireNonNull(epoch, "epoch");
        if (!isEpoch(epoch) || position < 0) {
            throw new IllegalArgumentException("Not a cursor: " + epoch + "." + position);
        }
    }

    /**
     * Parses a cursor.
     *
     * @throws IllegalArgumentException if the text is not {@code <epoch>.<position>}
     */
    static Cursor parse(String text) {
        Objects.requireNonNull(text, "text");
        int dot = text.indexOf('.');
        if (dot <= 0 || dot > MAX_EPOCH_LENGTH || dot == text.length() - 1 || text.length() - dot - 1 > 19) {
            throw new IllegalArgumentException("Malformed cursor");
        }
        String epoch = text.substring(0, dot);
        String digits = text.substring(dot + 1);
        if (!isEpoch(epoch)) {
            throw new IllegalArgumentException("Malformed cursor");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("Malformed cursor");
            }
        }
        try {
            return new Cursor(epoch, Long.parseLong(digits));
        } catch (NumberFormatException tooLarge) {
            throw new IllegalArgumentException("Malformed cursor", tooLarge);
        }
    }

    /** Whether {@code epoch} is 1 to 64 of [0-9a-z], as {@link EventLog#epoch()} must be. */
    static boolean isEpoch(String epoch) {
        if (epoch.isEmpty() || epoch.length() > MAX_EPOCH_LENGTH) {
            return false;
        }
        for (int i = 0; i < epoch.length(); i++) {
            char c = epoch.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return epoch + "." + position;
    }
}
