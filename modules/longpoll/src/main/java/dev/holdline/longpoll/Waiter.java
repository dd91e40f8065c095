package dev.holdline.longpoll;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One parked request. Publish, deadline, shutdown and the container's listener callbacks race to end
 * it; {@link #claim()} lets exactly one of them win, and the winner alone releases the counters and
 * answers.
 */
final class Waiter {

    final Topic topic;
    final Cursor cursor;
    final int limit;
    private final Delivery delivery;
    private final AtomicInteger globalParked;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile Future<?> deadline;

    /** Expects the topic's and the global counters to be already incremented for it. */
    Waiter(Topic topic, Cursor cursor, int limit, Delivery delivery, AtomicInteger globalParked) {
        this.topic = topic;
        this.cursor = cursor;
        this.limit = limit;
        this.delivery = delivery;
        this.globalParked = globalParked;
    }

    /** Wins the right to answer, or returns false if someone else did. */
    boolean claim() {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        topic.waiters.remove(this);
        topic.parked.decrementAndGet();
        globalParked.decrementAndGet();
        Future<?> pending = deadline;
        if (pending != null) {
            pending.cancel(false);
        }
        return true;
    }

    boolean isDone() {
        return done.get();
    }

    /** Sets the deadline task; cancels it at once if the waiter ended meanwhile. */
    void deadline(Future<?> task) {
        deadline = task;
        if (done.get()) {
            task.cancel(false);
        }
    }

    /** Call only after a successful {@link #claim()}. */
    void deliver(Reply reply) {
        delivery.deliver(reply);
    }

    /** Call only after a successful {@link #claim()}. */
    void abandon() {
        delivery.abandon();
    }
}
