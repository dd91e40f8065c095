package dev.holdline.guard.trace;

import dev.holdline.guard.GuardRejectedException;
import java.util.Locale;

/**
 * How a guarded call or request ended, as the access log ({@code outcome=}), the span attribute
 * {@code holdline.guard.outcome} and the duration histogram name it.
 */
public enum CallOutcome {
    /** Returned normally (for a request: answered with a status below 500). */
    OK,
    /** Refused by a guard: a {@link GuardRejectedException}. */
    REJECTED,
    /** Threw anything else (for a request: answered 500 or above, or the chain threw). */
    ERROR;

    /** The outcome of a call that threw {@code failure}, or {@link #OK} for {@code null}. */
    public static CallOutcome of(Throwable failure) {
        if (failure == null) {
            return OK;
        }
        return failure instanceof GuardRejectedException ? REJECTED : ERROR;
    }

    /** The lower-case name written to logs and attributes. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
