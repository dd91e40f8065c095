package dev.holdline.longpoll.client;

/**
 * A poll answered with a status or body the client could not use; passed to
 * {@link EventListener#onError}. The client retries after a back-off.
 */
public final class LongPollException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /** A failure, with the response status (0 when there was no usable response). */
    public LongPollException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status of the response, or 0. */
    public int status() {
        return status;
    }
}
