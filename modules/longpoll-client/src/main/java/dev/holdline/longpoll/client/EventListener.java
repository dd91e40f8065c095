package dev.holdline.longpoll.client;

/**
 * Receives what a {@link LongPollClient} reads. The client calls it from one thread at a time, never
 * concurrently, in the order of the topic's log; a slow listener delays the next poll, not the server.
 */
@FunctionalInterface
public interface EventListener {

    /**
     * One event, in order. If this throws, the client reports the exception to {@link #onError},
     * backs off and reads again from the previous event, so the same event is offered again: delivery
     * is exactly once for every call that returns normally.
     */
    void onEvent(ClientEvent event);

    /**
     * The server no longer holds the events after {@code fromCursor} (410: retention overflowed, or the
     * log was reset, such as by a restart). Events were missed; reload whatever state they built. The
     * client continues from {@code resyncCursor}, the topic's current position.
     */
    default void onGap(String fromCursor, String resyncCursor) {
    }

    /**
     * A failed poll (network error, timeout, unexpected status or body) or a listener exception. The
     * client keeps going, after a back-off; this is for logging and metrics.
     */
    default void onError(Throwable error) {
    }
}
