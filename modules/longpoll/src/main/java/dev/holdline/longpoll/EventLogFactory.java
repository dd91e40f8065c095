package dev.holdline.longpoll;

/**
 * Makes the {@link EventLog} of each declared topic. The default keeps every topic in its own in-memory
 * {@link RingEventLog}; an application that shares topics across nodes names its own factory in the
 * setting {@code holdline.longpoll.event-log-factory} (a public class with a public no-argument
 * constructor, loaded by the application's class loader), and every topic of that application is then
 * kept in the logs it makes.
 *
 * <p>Called once per topic, when the topic is declared, under no lock of the long-poll runtime.
 */
@FunctionalInterface
public interface EventLogFactory {

    /** The in-memory default: one {@link RingEventLog} per topic, retaining {@link TopicDefinition#retainCount()} events. */
    EventLogFactory IN_MEMORY = (topic, wakeWaiters) -> new RingEventLog(topic.retainCount());

    /**
     * A new log for {@code topic}; its retention by count should follow {@link TopicDefinition#retainCount()}.
     *
     * @param wakeWaiters to run, from any thread, whenever events reach the log other than through this
     *                    application's {@code Topics.publish} (appended by another node of a shared log):
     *                    every request parked on the topic then reads the log again and is answered if
     *                    something follows its cursor. It must not be run from inside {@code create}.
     */
    EventLog create(TopicDefinition topic, Runnable wakeWaiters);
}
