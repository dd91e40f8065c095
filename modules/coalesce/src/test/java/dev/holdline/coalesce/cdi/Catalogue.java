package dev.holdline.coalesce.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bean whose methods stand for slow upstream reads; the test holds them inside until it opens the
 * gate. Test state is reached through methods: the test holds a client proxy, whose fields are not the bean's.
 */
@ApplicationScoped
public class Catalogue {

    private final AtomicInteger runs = new AtomicInteger();
    private volatile CountDownLatch inside = new CountDownLatch(1);
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile CompletableFuture<String> upstream = new CompletableFuture<>();

    /** Fresh state: no runs, a closed gate, an upstream not answered yet. */
    public void prepare() {
        runs.set(0);
        inside = new CountDownLatch(1);
        gate = new CountDownLatch(1);
        upstream = new CompletableFuture<>();
    }

    public int runs() {
        return runs.get();
    }

    public boolean awaitInside() throws InterruptedException {
        return inside.await(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    public void openGate() {
        gate.countDown();
    }

    public void answerUpstream(String body) {
        upstream.complete(body);
    }

    @Coalesced
    public String lookup(String id) throws InterruptedException {
        runs.incrementAndGet();
        inside.countDown();
        gate.await();
        return "item " + id + " #" + runs.get();
    }

    @Coalesced
    public String lookupFailing(String id) throws IOException, InterruptedException {
        runs.incrementAndGet();
        inside.countDown();
        gate.await();
        throw new IOException("upstream down for " + id);
    }

    @Coalesced
    public CompletionStage<String> lookupAsync(@CoalesceKey String id, Object ignoredContext) {
        runs.incrementAndGet();
        return upstream.thenApply(body -> body + " " + id);
    }

    @Coalesced(waitTimeout = 50)
    public String lookupImpatient(String id) throws InterruptedException {
        runs.incrementAndGet();
        inside.countDown();
        gate.await();
        return "late " + id;
    }

    @Coalesced(ttl = 1, unit = java.time.temporal.ChronoUnit.MINUTES)
    public String lookupKept(String id) {
        return "kept " + id + " #" + runs.incrementAndGet();
    }

    @Coalesced
    public String lookupArray(int[] ids) {
        return "array #" + runs.incrementAndGet();
    }

    /** Not coalesced: the control. */
    public String plain(String id) {
        return "plain " + id + " #" + runs.incrementAndGet();
    }
}
