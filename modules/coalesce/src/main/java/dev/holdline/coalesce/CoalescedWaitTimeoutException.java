package dev.holdline.coalesce;

import java.time.Duration;

/**
 * A caller that joined an execution stopped waiting for it after its own wait timeout. The execution
 * itself goes on and still answers the callers that keep waiting.
 */
public class CoalescedWaitTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object key;
    private final Duration waited;

    public CoalescedWaitTimeoutException(Object key, Duration waited) {
        super("Stopped waiting for the execution of " + key + " after " + waited);
        this.key = key;
        this.waited = waited;
    }

    /** The key whose execution was awaited. */
    public Object key() {
        return key;
    }

    /** How long the caller waited. */
    public Duration waited() {
        return waited;
    }
}
