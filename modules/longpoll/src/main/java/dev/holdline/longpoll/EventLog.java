package dev.holdline.longpoll;

import java.time.Instant;
import java.util.List;

/**
 * The ordered, bounded event log behind one topic. The default is {@link RingEventLog}, in memory; a
 * shared backplane (Redis Streams, a ring buffer, a table) can implement this to serve several nodes.
 *
 * <p>Positions start at 1 and grow by one per event; position 0 means "before the first event". The
 * epoch names this incarnation of the log: a log that loses its history (a restart of an in-memory log)
 * must come back with another epoch, so that old cursors are recognised as foreign. The long-poll
 * runtime calls a log under its own per-topic lock, so an implementation needs no atomicity across
 * calls beyond what its storage requires.
 */
public interface EventLog {

    /** A token of lower-case letters and digits naming this incarnation of the log. */
    String epoch();

    /** Appends an event and drops the oldest beyond the count retention; returns its position. */
    long append(String type, String jsonData, Instant time);

    /** Up to {@code limit} retained events after {@code position}, oldest first. */
    List<LoggedEvent> readAfter(long position, int limit);

    /** The position of the oldest retained event, or {@link #newestPosition()} + 1 when none is retained. */
    long oldestPosition();

    /** The position of the newest event ever appended, 0 if none was. */
    long newestPosition();

    /** Drops the events appended before {@code cutoff} (age retention). */
    void expireBefore(Instant cutoff);
}
