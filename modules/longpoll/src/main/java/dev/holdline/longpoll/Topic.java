package dev.holdline.longpoll;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A declared topic at run time: its log and the requests parked on it. Its monitor makes "read, find
 * nothing, park" atomic with "append, collect the parked", so that no event slips between the two.
 */
final class Topic {

    private final TopicDefinition definition;
    private final EventLog log;
    private final Clock clock;
    private final Problems problems;
    final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    final AtomicInteger parked = new AtomicInteger();

    Topic(TopicDefinition definition, EventLog log, Clock clock, Problems problems) {
        this.definition = definition;
        this.log = log;
        this.clock = clock;
        this.problems = problems;
    }

    TopicDefinition definition() {
        return definition;
    }

    String name() {
        return definition.name();
    }

    /** Appends and returns the event's cursor together with the requests to wake. */
    synchronized Appended append(String type, String jsonData) {
        expire();
        long position = log.append(type, jsonData, clock.instant());
        return new Appended(log.epoch() + "." + position, waiters.toArray(new Waiter[0]));
    }

    record Appended(String cursor, Waiter[] toWake) {
    }

    /**
     * What a request with this cursor gets now: events, a resync (410, or the latest event of a state
     * topic), or null when nothing follows the cursor and the request should wait.
     *
     * @param cursor null for a request without cursor, answered with the current cursor at once
     */
    synchronized Reply read(Cursor cursor, int limit) {
        expire();
        String epoch = log.epoch();
        long newest = log.newestPosition();
        long oldest = log.oldestPosition();
        String current = epoch + "." + newest;
        if (cursor == null) {
            return events(epoch, List.of(), current);
        }
        boolean foreign = !cursor.epoch().equals(epoch) || cursor.position() > newest;
        boolean expired = !foreign && cursor.position() < oldest - 1;
        if (foreign || expired) {
            if (definition.kind() == TopicKind.STREAM) {
                return foreign
                        ? problems.cursorGone("reset", current, "The cursor belongs to another incarnation of topic '"
                                + name() + "' or lies ahead of it; resynchronise from the cursor given.")
                        : problems.cursorGone("expired", current, "Events after the cursor are no longer retained on topic '"
                                + name() + "'; resynchronise from the cursor given.");
            }
            List<LoggedEvent> latest = oldest <= newest ? log.readAfter(newest - 1, 1) : List.of();
            return events(epoch, latest, current);
        }
        List<LoggedEvent> events = log.readAfter(cursor.position(), limit);
        if (events.isEmpty()) {
            return null;
        }
        return events(epoch, events, epoch + "." + events.get(events.size() - 1).position());
    }

    /** The cursor a request without one would get. */
    synchronized String currentCursor() {
        return log.epoch() + "." + log.newestPosition();
    }

    private Reply events(String epoch, List<LoggedEvent> events, String cursor) {
        return Reply.events(cursor, EventsDocument.serialise(name(), epoch, events, cursor));
    }

    private void expire() {
        log.expireBefore(clock.instant().minus(definition.retainAge()));
    }
}
