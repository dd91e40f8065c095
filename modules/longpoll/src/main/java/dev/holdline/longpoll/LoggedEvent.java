package dev.holdline.longpoll;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as an {@link EventLog} holds it.
 *
 * @param position its position in the log, from 1, increasing by one per event
 * @param type     the event type
 * @param data     one JSON value, validated before it was appended
 * @param time     when it was appended
 */
public record LoggedEvent(long position, String type, String data, Instant time) {

    /** Checks that no component is null. */
    public LoggedEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(time, "time");
    }
}
