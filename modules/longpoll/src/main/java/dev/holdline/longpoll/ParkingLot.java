package dev.holdline.longpoll;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parked requests of one application: capacity, deadlines from the shared scheduler, waking on
 * publish and answering everyone on shutdown. Every path ends a request through {@link Waiter#claim()},
 * so each request is answered exactly once and the counters return to zero.
 */
final class ParkingLot {

    private static final System.Logger LOG = System.getLogger(ParkingLot.class.getName());

    private final ScheduledExecutorService scheduler;
    private final Problems problems;
    private final int maxParked;
    private final int maxParkedPerTopic;
    private final AtomicInteger parked = new AtomicInteger();
    private volatile boolean shuttingDown;

    ParkingLot(ScheduledExecutorService scheduler, Problems problems, int maxParked, int maxParkedPerTopic) {
        this.scheduler = scheduler;
        this.problems = problems;
        this.maxParked = maxParked;
        this.maxParkedPerTopic = maxParkedPerTopic;
    }

    int parked() {
        return parked.get();
    }

    boolean isShuttingDown() {
        return shuttingDown;
    }

    /**
     * Reserves a place before the request goes asynchronous, so that a refusal is a plain synchronous
     * answer; returns the refusal, or null with both counters incremented.
     */
    Reply reserve(Topic topic) {
        if (parked.incrementAndGet() > maxParked) {
            parked.decrementAndGet();
            return problems.overCapacity("More than " + maxParked + " requests are parked in this application.");
        }
        if (topic.parked.incrementAndGet() > maxParkedPerTopic) {
            topic.parked.decrementAndGet();
            parked.decrementAndGet();
            return problems.overCapacity("More than " + maxParkedPerTopic + " requests are parked on topic '" + topic.name() + "'.");
        }
        return null;
    }

    /** Gives back a reservation that never became a waiter. */
    void unreserve(Topic topic) {
        topic.parked.decrementAndGet();
        parked.decrementAndGet();
    }

    /** A waiter for a reservation made by {@link #reserve(Topic)}; park it with {@link #park}. */
    Waiter waiter(Topic topic, Cursor cursor, int limit, Delivery delivery) {
        return new Waiter(topic, cursor, limit, delivery, parked);
    }

    /**
     * Parks the waiter until an event, its deadline or shutdown. If an event arrived since the caller's
     * first read, or shutdown began, it is answered at once instead.
     */
    void park(Waiter waiter, Duration wait) {
        Topic topic = waiter.topic;
        Reply meanwhile;
        synchronized (topic) {
            meanwhile = topic.read(waiter.cursor, waiter.limit);
            if (meanwhile == null) {
                topic.waiters.add(waiter);
            }
        }
        if (meanwhile != null) {
            answer(waiter, meanwhile);
            return;
        }
        if (waiter.isDone()) {
            // The container ended it between our read and the add; claim() may have missed the add.
            topic.waiters.remove(waiter);
            return;
        }
        if (shuttingDown) {
            // beginShutdown() may have swept the topic before the add: answer here, exactly once either way.
            answer(waiter, problems.shuttingDown());
            return;
        }
        try {
            waiter.deadline(scheduler.schedule(() -> expire(waiter), wait.toNanos(), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException schedulerStopped) {
            answer(waiter, problems.shuttingDown());
        }
    }

    /** The wait ended with nothing published: 304 with the cursor sent. */
    void expire(Waiter waiter) {
        answer(waiter, Reply.notModified(waiter.cursor.toString()));
    }

    /** Forgets a waiter whose request the container ended (error, completion, its own timeout). */
    void abandon(Waiter waiter) {
        if (waiter.claim()) {
            waiter.abandon();
        }
    }

    /**
     * Answers the waiters collected by a publish. Waiters at the same cursor and limit share one
     * reply, so the body is serialised once per group.
     */
    void wake(Topic topic, Waiter[] waiters) {
        Map<Long, Map<Integer, Reply>> replies = new HashMap<>();
        for (Waiter waiter : waiters) {
            if (waiter.isDone()) {
                continue;
            }
            Reply reply;
            try {
                reply = replies.computeIfAbsent(waiter.cursor.position(), position -> new HashMap<>())
                        .computeIfAbsent(waiter.limit, limit -> topic.read(waiter.cursor, limit));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Reading topic " + topic.name() + " for a parked request failed", e);
                continue;
            }
            if (reply != null) {
                answer(waiter, reply);
            }
        }
    }

    /** Stops accepting waiters and answers every parked one with 503. */
    void beginShutdown(Iterable<Topic> topics) {
        shuttingDown = true;
        for (Topic topic : topics) {
            for (Waiter waiter : topic.waiters.toArray(new Waiter[0])) {
                answer(waiter, problems.shuttingDown());
            }
        }
    }

    private static void answer(Waiter waiter, Reply reply) {
        if (waiter.claim()) {
            waiter.deliver(reply);
        }
    }
}
