package dev.holdline.tck.longpoll.app;

import dev.holdline.longpoll.EventLog;
import dev.holdline.longpoll.EventLogFactory;
import dev.holdline.longpoll.TopicDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deployed, named in {@code holdline.longpoll.event-log-factory}: the application's own event logs, as
 * a shared backplane's would be. Each carries the epoch {@value #EPOCH}, so a test can tell them from the
 * module's default by the cursors, and keeps its wake-up callback so that {@link ElsewhereServlet} can
 * play another node.
 */
public class TaggedEventLogs implements EventLogFactory {

    /** The epoch of every log made here. */
    public static final String EPOCH = "holdlinetck";

    private static final Map<String, TaggedEventLog> LOGS = new ConcurrentHashMap<>();

    @Override
    public EventLog create(TopicDefinition topic, Runnable wakeWaiters) {
        TaggedEventLog log = new TaggedEventLog(EPOCH, topic.retainCount(), wakeWaiters);
        LOGS.put(topic.name(), log);
        return log;
    }

    /** The log made for {@code topic}, or null. */
    static TaggedEventLog of(String topic) {
        return LOGS.get(topic);
    }
}
