package dev.holdline.coalesce.servlet;

import java.util.Map;

/**
 * A snapshot of a {@link CoalescingFilter}'s counters since it was initialised.
 *
 * @param executions      requests that ran the chain as leaders of their key
 * @param followers       requests that were parked behind a leader
 * @param shared          followers answered with a replay of their leader's response (not 304)
 * @param notModified     304 answers made from a captured response, to leaders and followers, each
 *                        evaluating its own {@code If-None-Match}
 * @param followerTimeouts followers that waited the whole wait timeout and then ran the chain themselves
 * @param bypasses        requests that ran the chain themselves, by reason (every reason present, zero
 *                        included); a timed-out follower counts here too, under
 *                        {@link BypassReason#FOLLOWER_TIMEOUT}
 * @param inFlight        keys being executed now
 */
public record CoalescingFilterStats(long executions, long followers, long shared, long notModified,
        long followerTimeouts, Map<BypassReason, Long> bypasses, int inFlight) {

    /** Copies the map. */
    public CoalescingFilterStats {
        bypasses = Map.copyOf(bypasses);
    }

    /** The count of one bypass reason. */
    public long bypassed(BypassReason reason) {
        return bypasses.getOrDefault(reason, 0L);
    }
}
