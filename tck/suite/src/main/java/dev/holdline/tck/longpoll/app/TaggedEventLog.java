package dev.holdline.tck.longpoll.app;

import dev.holdline.longpoll.EventLog;
import dev.holdline.longpoll.LoggedEvent;
import dev.holdline.longpoll.RingEventLog;
import java.time.Instant;
import java.util.List;

/**
 * Deployed: an event log with a fixed epoch, kept in the module's ring, that can be appended to from
 * "another node" ({@link #appendElsewhere}) and then wakes the topic's waiters as a backplane would.
 * Synchronised because the other node's appends do not take the runtime's per-topic lock.
 */
class TaggedEventLog implements EventLog {

    private final String epoch;
    private final RingEventLog ring;
    private final Runnable wakeWaiters;

    TaggedEventLog(String epoch, int retainCount, Runnable wakeWaiters) {
        this.epoch = epoch;
        this.ring = new RingEventLog(retainCount);
        this.wakeWaiters = wakeWaiters;
    }

    /** An event that reached the shared log from another node: appended, then this node's waiters are woken. */
    long appendElsewhere(String type, String jsonData) {
        long position = append(type, jsonData, Instant.now());
        wakeWaiters.run();
        return position;
    }

    @Override
    public String epoch() {
        return epoch;
    }

    @Override
    public synchronized long append(String type, String jsonData, Instant time) {
        return ring.append(type, jsonData, time);
    }

    @Override
    public synchronized List<LoggedEvent> readAfter(long position, int limit) {
        return ring.readAfter(position, limit);
    }

    @Override
    public synchronized long oldestPosition() {
        return ring.oldestPosition();
    }

    @Override
    public synchronized long newestPosition() {
        return ring.newestPosition();
    }

    @Override
    public synchronized void expireBefore(Instant cutoff) {
        ring.expireBefore(cutoff);
    }
}
