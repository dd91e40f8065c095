package dev.holdline.longpoll;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The default {@link EventLog}: a fixed-size ring in memory with a random epoch, so that the cursors of
 * a previous deployment (or of another node) are recognised as foreign. Synchronised, so it is safe on
 * its own even though the runtime already calls it under a lock.
 */
public final class RingEventLog implements EventLog {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String epoch;
    private final LoggedEvent[] ring;
    /** Position of the oldest retained event; newest + 1 when empty. */
    private long oldest = 1;
    private long newest;

    /**
     * An empty log keeping at most {@code capacity} events.
     *
     * @throws IllegalArgumentException if the capacity is below 1
     */
    public RingEventLog(int capacity) {
        this(capacity, randomEpoch());
    }

    RingEventLog(int capacity, String epoch) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.ring = new LoggedEvent[capacity];
        this.epoch = Objects.requireNonNull(epoch, "epoch");
    }

    /** A fresh 64-bit random token in lower-case base 36. */
    static String randomEpoch() {
        return new BigInteger(64, RANDOM).toString(36);
    }

    @Override
    public String epoch() {
        return epoch;
    }

    @Override
    public synchronized long append(String type, String jsonData, Instant time) {
        long position = newest + 1;
        ring[slot(position)] = new LoggedEvent(position, type, jsonData, time);
        newest = position;
        if (newest - oldest + 1 > ring.length) {
            oldest = newest - ring.length + 1;
        }
        return position;
    }

    @Override
    public synchronized List<LoggedEvent> readAfter(long position, int limit) {
        long from = Math.max(position + 1, oldest);
        if (limit <= 0 || from > newest) {
            return List.of();
        }
        long to = Math.min(newest, from + limit - 1);
        List<LoggedEvent> events = new ArrayList<>((int) (to - from + 1));
        for (long p = from; p <= to; p++) {
            events.add(ring[slot(p)]);
        }
        return events;
    }

    @Override
    public synchronized long oldestPosition() {
        return oldest;
    }

    @Override
    public synchronized long newestPosition() {
        return newest;
    }

    @Override
    public synchronized void expireBefore(Instant cutoff) {
        while (oldest <= newest && ring[slot(oldest)].time().isBefore(cutoff)) {
            ring[slot(oldest)] = null;
            oldest++;
        }
    }

    private int slot(long position) {
        return (int) (position % ring.length);
    }
}
