package dev.holdline.reply;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Who may run an operation, until when. A node renews its lease while it works; once
 * {@code expires} has passed without renewal the node is presumed dead and another may claim the
 * operation, so that two nodes never run one operation at the same time.
 *
 * @param owner   the node (or executor) holding the lease
 * @param expires when the lease lapses; kept to the millisecond, as every store keeps it
 */
public record Lease(String owner, Instant expires) {
    /** The longest owner name accepted; the JDBC store's column is this wide. */
    public static final int MAX_OWNER_LENGTH = 255;

    /** Refuses nulls and over-long owners; truncates {@code expires} to milliseconds. */
    public Lease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expires, "expires");
        if (owner.isEmpty() || owner.length() > MAX_OWNER_LENGTH) {
            throw new IllegalArgumentException("owner length must be 1.." + MAX_OWNER_LENGTH);
        }
        expires = expires.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * @param now the current time
     * @return whether the lease has lapsed at {@code now}
     */
    public boolean expiredAt(Instant now) {
        return !expires.isAfter(now);
    }
}
