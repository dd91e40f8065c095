package dev.holdline.perf.server;

import java.util.concurrent.TimeUnit;

/**
 * The "event" of the bare and blocking endpoints: a generation number that {@link #publish()} advances.
 * A request whose cursor is below the current generation has something new; otherwise it waits for the
 * next publish. Publishing also runs the registered {@link Runnable}s (the bare servlets' release).
 */
public final class ReleaseSignal {

    private long generation;
    private final java.util.List<Runnable> onPublish = new java.util.ArrayList<>();

    /** The current generation. */
    public synchronized long generation() {
        return generation;
    }

    /** Adds what runs (under this monitor, after the generation advanced) on every publish. */
    public synchronized void onPublish(Runnable action) {
        onPublish.add(action);
    }

    /** Advances the generation, wakes blocked waiters and runs the publish action; returns the new generation. */
    public synchronized long publish() {
        generation++;
        notifyAll();
        onPublish.forEach(Runnable::run);
        return generation;
    }

    /**
     * Blocks the calling thread until the generation exceeds {@code cursor} or the wait ends.
     *
     * @return the generation reached, or -1 when the wait ended first
     */
    public synchronized long awaitAfter(long cursor, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (generation <= cursor) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return -1;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return generation;
    }
}
