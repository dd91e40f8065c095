package dev.holdline.tck.longpoll.app;

import dev.holdline.longpoll.TopicDefinition;
import dev.holdline.longpoll.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Deployed: a CDI bean that gets {@code Topics} injected (LP-1.5). */
@ApplicationScoped
public class TopicsUser {

    @Inject
    Topics topics;

    /** Declares a stream topic through the injected {@code Topics}. */
    public void declare(String name) {
        topics.declare(TopicDefinition.stream(name));
    }

    /** Publishes through the injected {@code Topics} and returns the cursor. */
    public String publish(String topic, String type, String jsonData) {
        return topics.publish(topic, type, jsonData);
    }

    /** Whether the injected reference is present at all. */
    public boolean injected() {
        return topics != null;
    }
}
