package dev.holdline.guard.concurrency;

/**
 * A snapshot of one concurrency limit.
 *
 * @param max      slots
 * @param queue    places in the queue
 * @param inFlight slots held now
 * @param queued   callers waiting now
 * @param admitted calls that got a slot, so far
 * @param rejected calls refused, so far (no slot and no place in the queue, or waited too long)
 */
public record ConcurrencyLimitStats(int max, int queue, int inFlight, int queued, long admitted, long rejected) {
}
