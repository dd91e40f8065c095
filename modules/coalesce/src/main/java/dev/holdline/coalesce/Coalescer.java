package dev.holdline.coalesce;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Runs concurrent calls with the same key once: the first caller of a key (the leader) runs the work,
 * callers that arrive while it runs join it, and every one of them gets the same value or the same
 * exception, unwrapped and of its original type. Go's {@code singleflight}, plus what its users miss:
 * a wait timeout per caller that never cancels the execution, a map that only holds keys in flight
 * (and, with a {@code ttl}, results for that long), a {@link CompletionStage} form, and counters.
 *
 * <p>Only coalesce work whose result may be shared by every caller of the key: idempotent reads.
 * Callers of one key should pass the same work, since the joined ones get the leader's outcome, whatever
 * their own work would have thrown. Thread-safe; one instance is meant to be shared.
 *
 * @param <K> the key: equal keys (by {@code equals}) share an execution
 * @param <V> the result
 */
public final class Coalescer<K, V> {

    private final ConcurrentHashMap<K, Flight<V>> flights = new ConcurrentHashMap<>();
    private final Duration waitTimeout;
    private final long ttlNanos;
    private final LongAdder executions = new LongAdder();
    private final LongAdder joins = new LongAdder();
    private final LongAdder reused = new LongAdder();
    private final LongAdder timeouts = new LongAdder();

    private Coalescer(Builder builder) {
        this.waitTimeout = builder.waitTimeout;
        this.ttlNanos = builder.ttl.toNanos();
    }

    /** A coalescer without wait timeout and without {@code ttl}. */
    public static <K, V> Coalescer<K, V> create() {
        return new Builder().build();
    }

    /** Settings for a new coalescer. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs {@code work} on this thread unless an execution of {@code key} is in flight, in which case it
     * waits for that one's outcome (at most the default wait timeout).
     *
     * @throws X                             what the work threw, the same instance for every caller
     * @throws CoalescedWaitTimeoutException a joined caller waited longer than its wait timeout
     * @throws CancellationException         a joined caller was interrupted (its interrupt flag is set again)
     * @throws IllegalStateException         the work, on the leader's thread, calls this coalescer with its own key
     */
    public <X extends Throwable> V call(K key, CoalescedCall<? extends V, X> work) throws X {
        return call(key, waitTimeout, work);
    }

    /** {@link #call(Object, CoalescedCall)} with a wait timeout of its own; {@code null} waits as long as it takes. */
    public <X extends Throwable> V call(K key, Duration waitTimeout, CoalescedCall<? extends V, X> work) throws X {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(work, "work");
        Flight<V> mine = new Flight<>(Thread.currentThread());
        Flight<V> flight = joinOrLead(key, mine);
        if (flight != mine) {
            return await(key, flight, waitTimeout);
        }
        V value;
        try {
            value = work.call();
        } catch (Throwable failure) {
            land(key, mine, null, failure);
            throw failure;
        }
        land(key, mine, value, null);
        return value;
    }

    /**
     * Starts {@code work} unless an execution of {@code key} is in flight, and answers a stage of that
     * execution's outcome. The stage is the caller's own: its wait timeout completes it with a
     * {@link CoalescedWaitTimeoutException} and cancelling it leaves the execution running for the others.
     * A failed stage carries the work's exception itself, not a {@link CompletionException} around it.
     */
    public CompletableFuture<V> callAsync(K key, Supplier<? extends CompletionStage<? extends V>> work) {
        return callAsync(key, waitTimeout, work);
    }

    /** {@link #callAsync(Object, Supplier)} with a wait timeout of its own; {@code null} waits as long as it takes. */
    public CompletableFuture<V> callAsync(K key, Duration waitTimeout, Supplier<? extends CompletionStage<? extends V>> work) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(work, "work");
        Flight<V> mine = new Flight<>(null);
        Flight<V> flight = joinOrLead(key, mine);
        if (flight == mine) {
            try {
                CompletionStage<? extends V> stage = Objects.requireNonNull(work.get(), "the work returned no CompletionStage");
                stage.whenComplete((value, failure) -> land(key, mine, value, failure == null ? null : unwrap(failure)));
            } catch (Throwable failure) {
                land(key, mine, null, failure);
            }
        }
        return view(key, flight, waitTimeout);
    }

    /** The counters so far. */
    public CoalescerStats stats() {
        int inFlight = (int) flights.values().stream().filter(flight -> !flight.outcome.isDone()).count();
        return new CoalescerStats(executions.sum(), joins.sum(), reused.sum(), timeouts.sum(), inFlight, flights.size());
    }

    /** Keys held now: in flight, or kept for the {@code ttl}. Never more than those. */
    public int size() {
        return flights.size();
    }

    private Flight<V> joinOrLead(K key, Flight<V> candidate) {
        while (true) {
            Flight<V> existing = flights.putIfAbsent(key, candidate);
            if (existing == null) {
                executions.increment();
                return candidate;
            }
            if (!existing.outcome.isDone()) {
                if (existing.leader == Thread.currentThread()) {
                    throw new IllegalStateException("The coalesced work for " + key + " calls itself: it would wait for itself");
                }
                joins.increment();
                return existing;
            }
            if (System.nanoTime() - existing.reusableUntil < 0) {
                reused.increment();
                return existing;
            }
            flights.remove(key, existing); // kept past its ttl; the scheduled removal has not run yet
        }
    }

    /** Publishes the outcome; the key is released first, so that a caller arriving later starts afresh. */
    private void land(K key, Flight<V> flight, V value, Throwable failure) {
        if (failure == null && ttlNanos > 0) {
            flight.reusableUntil = System.nanoTime() + ttlNanos;
            flight.outcome.complete(value);
            CompletableFuture.delayedExecutor(ttlNanos, TimeUnit.NANOSECONDS).execute(() -> flights.remove(key, flight));
            return;
        }
        flights.remove(key, flight);
        if (failure == null) {
            flight.outcome.complete(value);
        } else {
            flight.outcome.completeExceptionally(failure);
        }
    }

    private V await(K key, Flight<V> flight, Duration waitTimeout) {
        try {
            return waitTimeout == null ? flight.outcome.get() : flight.outcome.get(waitTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
            throw Coalescer.<RuntimeException>rethrow(failed.getCause());
        } catch (TimeoutException tooLong) {
            timeouts.increment();
            throw new CoalescedWaitTimeoutException(key, waitTimeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("Interrupted while waiting for the execution of " + key);
            cancelled.initCause(interrupted);
            throw cancelled;
        }
    }

    private CompletableFuture<V> view(K key, Flight<V> flight, Duration waitTimeout) {
        CompletableFuture<V> view = new CompletableFuture<>();
        flight.outcome.whenComplete((value, failure) -> {
            if (failure == null) {
                view.complete(value);
            } else {
                view.completeExceptionally(unwrap(failure));
            }
        });
        if (waitTimeout != null && !view.isDone()) {
            // A timer of its own, completed (and so taken off the JDK's delay queue) when the view completes.
            CompletableFuture<Void> timer = new CompletableFuture<Void>().orTimeout(waitTimeout.toNanos(), TimeUnit.NANOSECONDS);
            timer.whenComplete((ignored, fired) -> {
                if (fired instanceof TimeoutException && view.completeExceptionally(new CoalescedWaitTimeoutException(key, waitTimeout))) {
                    timeouts.increment();
                }
            });
            view.whenComplete((value, failure) -> timer.complete(null));
        }
        return view;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Throws a throwable of any type without declaring it: the joined callers' copy of the leader's exception. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable failure) throws T {
        throw (T) failure;
    }

    /** One execution and its outcome. */
    private static final class Flight<V> {
        final CompletableFuture<V> outcome = new CompletableFuture<>();
        /** The thread running a blocking execution, to refuse a call of the same key from inside it; null for async. */
        final Thread leader;
        /** With a ttl: until when ({@link System#nanoTime()}) a completed result serves new callers. */
        volatile long reusableUntil;

        Flight(Thread leader) {
            this.leader = leader;
        }
    }

    /** Settings of a {@link Coalescer}. */
    public static final class Builder {
        private Duration waitTimeout;
        private Duration ttl = Duration.ZERO;

        private Builder() {
        }

        /** How long a joined caller waits for the execution by default; none unless set. */
        public Builder waitTimeout(Duration waitTimeout) {
            if (waitTimeout != null && (waitTimeout.isNegative() || waitTimeout.isZero())) {
                throw new IllegalArgumentException("waitTimeout must be positive, was " + waitTimeout);
            }
            this.waitTimeout = waitTimeout;
            return this;
        }

        /**
         * How long a successful result keeps answering new callers of its key after it completed; zero
         * (the default) answers only the callers that joined while it ran. Failures are never kept.
         */
        public Builder ttl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("ttl must not be negative, was " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        public <K, V> Coalescer<K, V> build() {
            return new Coalescer<>(this);
        }
    }
}
