package dev.holdline.guard.deadline;

import jakarta.servlet.ServletRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A point in time by which a call or request must be answered, and the budget it was given. The guards
 * ({@code @Deadline}, {@link DeadlineFilter}) make it {@linkplain #current() current} on the thread that
 * runs the guarded code, and store it as the request attribute {@link #REQUEST_ATTRIBUTE}, so that
 * application code and outbound calls can spend the same budget:
 * <pre>{@code
 * Duration left = Deadline.current().map(Deadline::remaining).orElse(Duration.ofSeconds(30));
 * }</pre>
 * {@link DeadlineHttp} applies it to {@code java.net.http} requests. Nested deadlines take the shorter:
 * entering a deadline inside another never extends the outer one. Measured on {@link System#nanoTime()},
 * so wall-clock changes do not move it.
 */
public final class Deadline {

    /** The request attribute holding the request's deadline, for threads other than the request's own. */
    public static final String REQUEST_ATTRIBUTE = Deadline.class.getName();

    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private final long endNanos;
    private final Duration budget;

    private Deadline(long endNanos, Duration budget) {
        this.endNanos = endNanos;
        this.budget = budget;
    }

    /** A deadline {@code budget} from now. */
    public static Deadline after(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** The deadline of the code running on this thread, if a guard set one. */
    public static Optional<Deadline> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The deadline a {@link DeadlineFilter} gave this request, from any thread (such as an async request's). */
    public static Optional<Deadline> of(ServletRequest request) {
        return request.getAttribute(REQUEST_ATTRIBUTE) instanceof Deadline deadline ? Optional.of(deadline) : Optional.empty();
    }

    /** The time left, never negative: {@link Duration#ZERO} once expired. */
    public Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Whether the deadline has passed. */
    public boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** The budget this deadline was given (the shorter one's, for a nested deadline). */
    public Duration budget() {
        return budget;
    }

    /** The earlier of the two. */
    public Deadline earlier(Deadline other) {
        return other == null || endNanos - other.endNanos <= 0 ? this : other;
    }

    /** The exception for code that ran out of this budget. */
    public DeadlineExceededException exceeded(String what) {
        return new DeadlineExceededException(what + " exceeded its deadline of " + budget.toMillis() + " ms", budget);
    }

    /**
     * Makes the earlier of this and the current deadline current on this thread until the scope is
     * closed, which restores the previous one. Use with try-with-resources.
     */
    public Scope enter() {
        Deadline previous = CURRENT.get();
        Deadline effective = earlier(previous);
        CURRENT.set(effective);
        return new Scope(effective, previous);
    }

    /** The time a deadline is current on a thread; closing it restores the deadline before it. */
    public static final class Scope implements AutoCloseable {

        private final Deadline deadline;
        private final Deadline previous;

        private Scope(Deadline deadline, Deadline previous) {
            this.deadline = deadline;
            this.previous = previous;
        }

        /** The deadline in force within the scope: the earlier of the new and the enclosing one. */
        public Deadline deadline() {
            return deadline;
        }

        @Override
        public void close() {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    @Override
    public String toString() {
        return "Deadline[budget " + budget.toMillis() + " ms, " + remaining().toMillis() + " ms left]";
    }
}
