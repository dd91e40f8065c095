package dev.holdline.longpoll;

import jakarta.servlet.ServletContext;
import java.util.Optional;

/**
 * The topics of one web application: declare them, publish to them. One instance per application,
 * thread-safe; injectable with {@code @Inject} when CDI is present, otherwise {@link #of(ServletContext)}.
 */
public interface Topics {

    /**
     * Appends an event to a topic and answers every request parked on it.
     *
     * @param topic    a declared topic
     * @param type     the event type, any non-empty string
     * @param jsonData exactly one JSON value (surrounding whitespace allowed), embedded as is
     * @return the new cursor, which is also the event's {@code id}
     * @throws IllegalArgumentException if the topic is not declared, the type is empty or the data is not
     *                                  one JSON value; nothing is published then
     */
    String publish(String topic, String type, String jsonData);

    /**
     * Declares a topic. Declaring an identical definition again does nothing.
     *
     * @throws IllegalStateException if a different definition with the same name exists
     */
    void declare(TopicDefinition definition);

    /** The definition of a declared topic. */
    Optional<TopicDefinition> definition(String topic);

    /**
     * The topics of the application that owns this context.
     *
     * @throws IllegalStateException if long polling was not initialised for the application
     */
    static Topics of(ServletContext context) {
        return LongPollRuntime.of(context).topics();
    }
}
