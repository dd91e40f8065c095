package dev.holdline.longpoll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An application's own {@link EventLogFactory}, as a backplane would be: every log it makes carries the
 * epoch {@value #EPOCH}, so a test can tell its logs from the in-memory default by the cursors.
 */
public final class FixedEpochLogs implements EventLogFactory {

    static final String EPOCH = "backplane7";

    /** The topics it made a log for, in order. */
    static final List<String> MADE_FOR = new ArrayList<>();

    @Override
    public EventLog create(TopicDefinition topic) {
        synchronized (MADE_FOR) {
            MADE_FOR.add(topic.name());
        }
        RingEventLog ring = new RingEventLog(topic.retainCount());
        return new EventLog() {
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
    }
}
