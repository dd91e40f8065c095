package dev.holdline.coalesce.servlet;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The filter's counters; contention-free, read as a {@link CoalescingFilterStats} snapshot. */
final class Counters {

    final LongAdder executions = new LongAdder();
    final LongAdder followers = new LongAdder();
    final LongAdder shared = new LongAdder();
    final LongAdder notModified = new LongAdder();
    final LongAdder followerTimeouts = new LongAdder();
    private final Map<BypassReason, LongAdder> bypasses = new EnumMap<>(BypassReason.class);

    Counters() {
        for (BypassReason reason : BypassReason.values()) {
            bypasses.put(reason, new LongAdder());
        }
    }

    void bypassed(BypassReason reason) {
        bypasses.get(reason).increment();
    }

    CoalescingFilterStats snapshot(int inFlight) {
        Map<BypassReason, Long> counts = new EnumMap<>(BypassReason.class);
        bypasses.forEach((reason, count) -> counts.put(reason, count.sum()));
        return new CoalescingFilterStats(executions.sum(), followers.sum(), shared.sum(), notModified.sum(),
                followerTimeouts.sum(), counts, inFlight);
    }
}
