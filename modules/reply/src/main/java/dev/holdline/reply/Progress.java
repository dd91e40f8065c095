package dev.holdline.reply;

import java.time.Duration;
import java.util.Optional;

/**
 * What a running {@link OperationTask} sees of its operation: it reports progress here, which the
 * status monitor shows (and which wakes clients waiting with {@code Prefer: wait}), and it learns here
 * whether it should stop.
 */
public interface Progress {

    /** @return the id of the operation being run */
    String operationId();

    /**
     * Records progress. Reports are stored, so a task that reports in a tight loop should report only
     * when the percentage changes.
     *
     * @param percentComplete 0 to 100, or null when unknown
     * @param message         a short note for people, or null
     * @throws IllegalArgumentException when {@code percentComplete} is outside 0..100
     */
    void report(Integer percentComplete, String message);

    /**
     * @return whether cancellation was asked for; a task that sees true should stop soon, and its
     *         operation then ends {@code Canceled} however the task ends (unless it returns an outcome
     *         it had already finished, which then counts)
     */
    boolean cancelRequested();

    /** @return the time left before the operation's deadline, or empty when it has none */
    Optional<Duration> remaining();
}
