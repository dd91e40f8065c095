package dev.holdline.guard.concurrency;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test bean: methods under {@link ConcurrencyLimit} that hold their slot until the caller's gate opens. */
@ApplicationScoped
public class Workers {

    static String hold(CountDownLatch gate) throws InterruptedException {
        if (!gate.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate never opened");
        }
        return "done";
    }

    @ConcurrencyLimit(max = 2, retryAfter = 3)
    public String twoAtOnce(CountDownLatch gate) throws InterruptedException {
        return hold(gate);
    }

    @ConcurrencyLimit(max = 1, queue = 1, maxWait = 20_000)
    public String oneQueued(CountDownLatch gate) throws InterruptedException {
        return hold(gate);
    }

    @ConcurrencyLimit(max = 1, queue = 1, maxWait = 200)
    public String impatient(CountDownLatch gate) throws InterruptedException {
        return hold(gate);
    }

    @ConcurrencyLimit(max = 1)
    public String failing() throws IOException {
        throw new IOException("boom");
    }

    @ConcurrencyLimit(max = 1)
    public CompletableFuture<String> staged(CompletableFuture<String> result) {
        return result;
    }
}
