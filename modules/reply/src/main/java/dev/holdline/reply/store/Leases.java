package dev.holdline.reply.store;

import dev.holdline.reply.Operation;

import java.time.Instant;

/** The lease rules the in-memory store applies in Java and the JDBC store spells in SQL. */
final class Leases {
    private Leases() {
    }

    // Free, lapsed, or already ours (renewal); never a finished operation.
    static boolean claimable(Operation op, String owner, Instant now) {
        if (op.status().isTerminal()) {
            return false;
        }
        return op.lease() == null || op.lease().expiredAt(now) || op.lease().owner().equals(owner);
    }

    static boolean orphaned(Operation op, Instant now) {
        return !op.status().isTerminal() && (op.lease() == null || op.lease().expiredAt(now));
    }
}
