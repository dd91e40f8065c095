package dev.holdline.longpoll;

/**
 * The management view of one application's long polling, registered as
 * {@code dev.holdline:type=LongPoll,context=<quoted context path>}.
 */
public interface LongPollMXBean {

    /** Requests parked now. */
    int getParked();

    /** Whether shutdown has begun. */
    boolean isShuttingDown();
}
