package dev.holdline.reply.store;

/**
 * A store could not do what it was asked (database down, schema refused, ...). Unchecked: the caller
 * cannot fix it, it can only answer 503 and let the client retry.
 */
public class OperationStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was being done
     * @param cause   why it failed
     */
    public OperationStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
