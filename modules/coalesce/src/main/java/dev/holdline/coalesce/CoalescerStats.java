package dev.holdline.coalesce;

/**
 * A snapshot of a {@link Coalescer}'s counters since it was made.
 *
 * @param executions calls that ran the work (leaders)
 * @param joins      calls that joined an execution in flight instead of running the work
 * @param reused     calls answered with a completed result kept for the {@code ttl}
 * @param timeouts   joined calls that stopped waiting after their own wait timeout
 * @param inFlight   keys executing now
 * @param held       keys held now: executing, or completed and kept for the {@code ttl}
 */
public record CoalescerStats(long executions, long joins, long reused, long timeouts, int inFlight, int held) {
}
