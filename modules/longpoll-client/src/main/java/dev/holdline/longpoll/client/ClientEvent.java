package dev.holdline.longpoll.client;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a topic, as the long-poll client hands it to its {@link EventListener}.
 *
 * @param id       the event's cursor: a client started with it continues after this event
 * @param type     the type given at publish
 * @param dataJson the event's data as the raw JSON text the server sent (parse it with any library)
 * @param time     when the event was published (millisecond precision)
 */
public record ClientEvent(String id, String type, String dataJson, Instant time) {

    /** Requires every component. */
    public ClientEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataJson, "dataJson");
        Objects.requireNonNull(time, "time");
    }
}
