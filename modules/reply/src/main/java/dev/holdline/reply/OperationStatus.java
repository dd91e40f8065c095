package dev.holdline.reply;

import java.util.EnumSet;
import java.util.Set;

/**
 * The status of an {@link Operation}, spelled as the status monitor writes it (the Azure
 * long-running-operation names). The moves allowed between statuses are listed here and nowhere
 * else: every change of an {@link Operation} asks {@link #canBecome(OperationStatus)}.
 */
public enum OperationStatus {
    /** Accepted and stored, not yet picked up by a worker. */
    NotStarted,
    /** A worker holding the operation's lease is executing it. */
    Running,
    /** Cancellation was asked for; the work has not stopped yet. */
    Canceling,
    /** Finished with a result or a resource. */
    Succeeded,
    /** Finished with an error (a problem object). */
    Failed,
    /** Stopped on request before finishing. */
    Canceled;

    /**
     * @return true for {@link #Succeeded}, {@link #Failed} and {@link #Canceled}: a terminal status
     *         never changes again
     */
    public boolean isTerminal() {
        return this == Succeeded || this == Failed || this == Canceled;
    }

    /**
     * The transition table. A status never "becomes" itself: progress reports and lease renewals
     * change an operation without a transition.
     *
     * @param next the status asked for
     * @return whether an operation in this status may move to {@code next}
     */
    public boolean canBecome(OperationStatus next) {
        return successors().contains(next);
    }

    private Set<OperationStatus> successors() {
        return switch (this) {
            // Failed straight from NotStarted: refused by a full queue, deadline passed, or interrupted
            // by a crash before it began. Canceled straight from NotStarted: nothing runs, so nothing
            // has to notice the request.
            case NotStarted -> EnumSet.of(Running, Canceled, Failed);
            // Running never goes to Canceled directly: cancellation is best effort and the work must
            // see it, so the monitor shows Canceling meanwhile.
            case Running -> EnumSet.of(Canceling, Succeeded, Failed);
            // Work that finishes before it notices the request keeps its outcome.
            case Canceling -> EnumSet.of(Canceled, Succeeded, Failed);
            case Succeeded, Failed, Canceled -> EnumSet.noneOf(OperationStatus.class);
        };
    }
}
