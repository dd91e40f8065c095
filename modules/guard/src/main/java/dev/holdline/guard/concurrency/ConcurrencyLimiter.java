package dev.holdline.guard.concurrency;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bulkhead: at most {@code max} holders of a slot at once, and at most {@code queue} callers waiting in
 * line (first come, first served) for at most {@code maxWait} each. Shared by the interceptor and the
 * filter. A released slot goes straight to the first waiter, so a waiter is never overtaken by a newcomer.
 *
 * <p>Waiting comes in two forms: {@link #acquire()} blocks the calling thread (what a queue in front of a
 * method call has to do), {@link #enqueue()} hands back a future that a parked request completes on (no
 * thread held). Every {@link Permit} must be released once; releasing it again does nothing.
 */
public final class ConcurrencyLimiter {

    private final int max;
    private final int queue;
    private final Duration maxWait;
    private final Duration retryAfter;
    private final String name;
    private final Object lock = new Object();
    private final ArrayDeque<CompletableFuture<Permit>> waiting = new ArrayDeque<>();
    private int inFlight;
    private final LongAdder admitted = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    /**
     * @param name       what is limited, for rejection messages
     * @param max        slots, at least 1
     * @param queue      places in line, 0 or more
     * @param maxWait    how long a queued caller waits at most
     * @param retryAfter the {@code Retry-After} of a rejection
     */
    public ConcurrencyLimiter(String name, int max, int queue, Duration maxWait, Duration retryAfter) {
        if (max < 1 || queue < 0) {
            throw new IllegalArgumentException("Concurrency limit " + name + ": max must be at least 1 and queue at least 0, were "
                    + max + " and " + queue);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.max = max;
        this.queue = queue;
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** A slot now, or null when all are held or others wait in line. */
    public Permit tryAcquire() {
        synchronized (lock) {
            if (inFlight < max && waiting.isEmpty()) {
                inFlight++;
                admitted.increment();
                return new Permit();
            }
            return null;
        }
    }

    /**
     * A place in line: the future completes with a slot when one is handed over. Null when the queue is
     * full. A waiter that stops waiting must call {@link #abandon(CompletableFuture)}.
     */
    public CompletableFuture<Permit> enqueue() {
        synchronized (lock) {
            if (waiting.size() >= queue) {
                return null;
            }
            CompletableFuture<Permit> place = new CompletableFuture<>();
            waiting.add(place);
            return place;
        }
    }

    /**
     * Leaves the line. Returns true if the caller had not been given a slot (it is now counted as
     * rejected); false if a slot was handed over meanwhile, which the caller then holds (see the future).
     */
    public boolean abandon(CompletableFuture<Permit> place) {
        if (place.completeExceptionally(new java.util.concurrent.CancellationException("left the line"))) {
            synchronized (lock) {
                waiting.remove(place);
            }
            rejected.increment();
            return true;
        }
        return false;
    }

    /**
     * A slot, waiting in line (blocking this thread) for at most {@code maxWait} if none is free.
     *
     * @throws ConcurrencyLimitExceededException if the queue is full or the wait ran out
     * @throws InterruptedException              if interrupted while waiting (the place in line is given up)
     */
    public Permit acquire() throws InterruptedException {
        Permit now = tryAcquire();
        if (now != null) {
            return now;
        }
        CompletableFuture<Permit> place = enqueue();
        if (place == null) {
            throw reject("all " + max + " slots are in use and the queue is full");
        }
        return await(place);
    }

    /**
     * Waits, blocking this thread, for at most {@code maxWait} until the place in line gets a slot.
     *
     * @throws ConcurrencyLimitExceededException if the wait ran out
     * @throws InterruptedException              if interrupted while waiting (the place in line is given up)
     */
    public Permit await(CompletableFuture<Permit> place) throws InterruptedException {
        try {
            return place.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException stopped) {
            if (abandon(place)) {
                if (stopped instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                throw waitedTooLong();
            }
            if (stopped instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return place.join();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The rejection of a caller that waited in line for {@code maxWait} without getting a slot (already counted by {@link #abandon}). */
    public ConcurrencyLimitExceededException waitedTooLong() {
        return rejection("waited " + maxWait.toMillis() + " ms in line without getting one of the " + max + " slots");
    }

    /** Counts a refusal and returns the exception to answer it with. */
    public ConcurrencyLimitExceededException reject(String why) {
        rejected.increment();
        return rejection(why);
    }

    private ConcurrencyLimitExceededException rejection(String why) {
        return new ConcurrencyLimitExceededException(name + ": " + why, max, retryAfter);
    }

    /** How long a queued caller waits at most. */
    public Duration maxWait() {
        return maxWait;
    }

    /** Whether callers may wait in line at all. */
    public boolean queues() {
        return queue > 0;
    }

    /** The current counts. */
    public ConcurrencyLimitStats stats() {
        synchronized (lock) {
            return new ConcurrencyLimitStats(max, queue, inFlight, waiting.size(), admitted.sum(), rejected.sum());
        }
    }

    private void release() {
        while (true) {
            CompletableFuture<Permit> next;
            synchronized (lock) {
                next = waiting.poll();
                if (next == null) {
                    inFlight--;
                    return;
                }
            }
            // Completed outside the lock: the waiter's callbacks (a dispatch) must not run under it.
            if (next.complete(new Permit())) {
                admitted.increment();
                return;
            }
        }
    }

    /** One held slot. {@link #release()} gives it back; only the first call counts. */
    public final class Permit implements AutoCloseable {

        private final AtomicBoolean released = new AtomicBoolean();

        private Permit() {
        }

        /** Gives the slot back (to the first waiter, if any); true the first time, false after. */
        public boolean release() {
            if (released.compareAndSet(false, true)) {
                ConcurrencyLimiter.this.release();
                return true;
            }
            return false;
        }

        /** Same as {@link #release()}. */
        @Override
        public void close() {
            release();
        }
    }
}
