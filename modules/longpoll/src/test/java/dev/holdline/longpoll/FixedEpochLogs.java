package dev.holdline.longpoll;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An application's own {@link EventLogFactory}, as a backplane would be: every log it makes carries the
 * epoch {@value #EPOCH}, so a test can tell its logs from the in-memory default by the cursors.
 */
public final class FixedEpochLogs implements EventLogFactory {

    static final String EPOCH = "backplane7";

    /** The logs it made, with the callback that wakes their topic's waiters, by topic name. */
    static final Map<String, Made> MADE = new ConcurrentHashMap<>();

    /** A log as made for one topic. */
    record Made(EventLog log, Runnable wakeWaiters) {
    }

    @Override
    public EventLog create(TopicDefinition topic, Runnable wakeWaiters) {
        RingEventLog ring = new RingEventLog(topic.retainCount());
        EventLog log = new EventLog() {
            @Override
            public String epoch() {
                return EPOCH;
            }

            @Override
            public long append(String type, String jsonData, Instant time) {
                return ring.append(type, jsonData, time);
            }

            @Override
            public List<LoggedEvent> readAfter(long position, int limit) {
                return ring.readAfter(position, limit);
            }

            @Override
            public long oldestPosition() {
                return ring.oldestPosition();
            }

            @Override
            public long newestPosition() {
                return ring.newestPosition();
            }

            @Override
            public void expireBefore(Instant cutoff) {
                ring.expireBefore(cutoff);
            }
        };
        MADE.put(topic.name(), new Made(log, wakeWaiters));
        return log;
    }
}
