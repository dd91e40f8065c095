package dev.holdline.longpoll;

import dev.holdline.http.JsonReader;

import java.time.Clock;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The {@link Topics} of one application: declared topics, each with the log its {@link EventLogFactory} made. */
final class TopicRegistry implements Topics {

    private final ConcurrentMap<String, Topic> topics = new ConcurrentHashMap<>();
    private final ParkingLot lot;
    private final Problems problems;
    private final Clock clock;
    private final EventLogFactory logs;

    TopicRegistry(ParkingLot lot, Problems problems, Clock clock, EventLogFactory logs) {
        this.lot = lot;
        this.problems = problems;
        this.clock = clock;
        this.logs = logs;
    }

    @Override
    public String publish(String topic, String type, String jsonData) {
        Topic target = topic == null ? null : topics.get(topic);
        if (target == null) {
            throw new IllegalArgumentException("Topic '" + topic + "' is not declared");
        }
        if (type == null || type.isEmpty()) {
            throw new IllegalArgumentException("An event type must not be null or empty");
        }
        if (jsonData == null) {
            throw new IllegalArgumentException("Event data must be one JSON value, was null");
        }
        try {
            JsonReader.parse(jsonData);
        } catch (IllegalArgumentException notOneValue) {
            throw new IllegalArgumentException("Event data must be exactly one JSON value: " + notOneValue.getMessage(), notOneValue);
        }
        Topic.Appended appended = target.append(type, jsonData.strip());
        lot.wake(target, appended.toWake());
        return appended.cursor();
    }

    @Override
    public void declare(TopicDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        Topic existing = topics.computeIfAbsent(definition.name(),
                name -> new Topic(definition, newLog(definition), clock, problems));
        if (!existing.definition().equals(definition)) {
            throw new IllegalStateException("Topic '" + definition.name() + "' is already declared as "
                    + existing.definition() + ", which conflicts with " + definition);
        }
    }

    private EventLog newLog(TopicDefinition definition) {
        EventLog log = logs.create(definition, () -> wakeAll(definition.name()));
        if (log == null) {
            throw new IllegalStateException(logs.getClass().getName() + " made no event log for topic " + definition.name());
        }
        String epoch = log.epoch();
        if (epoch == null || !Cursor.isEpoch(epoch)) {
            throw new IllegalStateException("The event log of topic " + definition.name() + " has the epoch '" + log.epoch()
                    + "'; an epoch must be 1 to 64 of [0-9a-z]");
        }
        return log;
    }

    /** Lets every request parked on a topic read its log again, after an append this application did not make. */
    private void wakeAll(String name) {
        Topic topic = topics.get(name);
        if (topic != null) {
            lot.wake(topic, topic.waiters.toArray(new Waiter[0]));
        }
    }

    @Override
    public Optional<TopicDefinition> definition(String topic) {
        return Optional.ofNullable(topic == null ? null : topics.get(topic)).map(Topic::definition);
    }

    /** The run-time topic, or null if not declared. */
    Topic topic(String name) {
        return topics.get(name);
    }

    Collection<Topic> all() {
        return topics.values();
    }
}
