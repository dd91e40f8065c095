package dev.holdline.guard.concurrency;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/**
 * Gives an asynchronous request's slot back when the request ends, whichever way: completed, failed (the
 * client went away), or timed out. Follows the request into a new asynchronous cycle (a
 * {@code startAsync} after a dispatch), since listeners of the old cycle are dropped then.
 */
final class SlotReleaser implements AsyncListener {

    private final ConcurrencyLimiter.Permit permit;

    SlotReleaser(ConcurrencyLimiter.Permit permit) {
        this.permit = permit;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        permit.release();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        permit.release();
    }

    @Override
    public void onError(AsyncEvent event) {
        permit.release();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
    }
}
