package dev.holdline.longpoll;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /**
     * Answers already serialised since the last change of the log, by cursor position and limit: clients
     * re-polling from the cursor they were all given get the same bytes without serialising them again
     * under this monitor. Bounded, and cleared whenever the log changes.
     */
    private final Map<AnswerKey, Reply> answered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<AnswerKey, Reply> eldest) {
            return size() > MAX_ANSWERS_KEPT;
        }
    };
    private static final int MAX_ANSWERS_KEPT = 32;
    /** The log's state the kept answers were made from. */
    private String answeredEpoch;
    private long answeredOldest = -1;
    private long answeredNewest = -1;

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
        answered.clear();
        return new Appended(log.epoch() + "." + position, waiters.toArray(new Waiter[0]));
    }

    record Appended(String cursor, Waiter[] toWake) {
    }

    private record AnswerKey(long position, int limit) {
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
        if (cursor.position() == newest) {
            return null;
        }
        if (!epoch.equals(answeredEpoch) || oldest != answeredOldest || newest != answeredNewest) {
            answered.clear();
            answeredEpoch = epoch;
            answeredOldest = oldest;
            answeredNewest = newest;
        }
        AnswerKey key = new AnswerKey(cursor.position(), limit);
        Reply kept = answered.get(key);
        if (kept != null) {
            return kept;
        }
        List<LoggedEvent> events = log.readAfter(cursor.position(), limit);
        if (events.isEmpty()) {
            return null;
        }
        Reply reply = events(epoch, events, epoch + "." + events.get(events.size() - 1).position());
        answered.put(key, reply);
        return reply;
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
