package dev.holdline.coalesce;

/**
 * The work a {@link Coalescer} runs once for all concurrent callers of one key. Declares the checked
 * exception it may throw, so that every caller gets that exception, of its own type, unwrapped.
 *
 * @param <V> the result
 * @param <X> the checked exception the work may throw ({@link RuntimeException} if none)
 */
@FunctionalInterface
public interface CoalescedCall<V, X extends Throwable> {

    /** Computes the result. */
    V call() throws X;
}
