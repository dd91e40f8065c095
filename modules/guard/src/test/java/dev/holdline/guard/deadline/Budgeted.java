package dev.holdline.guard.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Test bean: methods under the {@code @Deadline} binding. */
@ApplicationScoped
public class Budgeted {

    private final AtomicInteger calls = new AtomicInteger();

    /** Calls that reached the methods (not through a field: callers hold a proxy). */
    public int calls() {
        return calls.get();
    }

    @dev.holdline.guard.deadline.cdi.Deadline(300)
    public Duration remaining() {
        calls.incrementAndGet();
        return Deadline.current().orElseThrow().remaining();
    }

    @dev.holdline.guard.deadline.cdi.Deadline(value = 10, unit = java.time.temporal.ChronoUnit.SECONDS)
    public Duration nestedRemaining(Budgeted self) {
        return self.remaining();
    }

    @dev.holdline.guard.deadline.cdi.Deadline(200)
    public String late(CountDownLatch gate, AtomicReference<Deadline> seen) throws InterruptedException {
        calls.incrementAndGet();
        seen.set(Deadline.current().orElseThrow());
        gate.await(20, TimeUnit.SECONDS);
        return "late result";
    }

    @dev.holdline.guard.deadline.cdi.Deadline(200)
    public CompletableFuture<String> staged(CompletableFuture<String> result) {
        return result;
    }

    @dev.holdline.guard.deadline.cdi.Deadline(300)
    public String callWithin(Runnable work) {
        work.run();
        return "ran";
    }
}
