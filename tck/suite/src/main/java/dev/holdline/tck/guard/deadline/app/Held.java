package dev.holdline.tck.guard.deadline.app;

import jakarta.servlet.AsyncContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Deployed: what the deadline tests hold by id. Slow code waits for the test's release
 * ({@link #await(String)}), asynchronous requests stay parked, and what late code saw afterwards is kept
 * as its outcome, for the test to read through {@link DeadlineControlServlet}.
 */
public final class Held {

    static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();
    static final Map<String, AsyncContext> REQUESTS = new ConcurrentHashMap<>();
    static final Map<String, String> OUTCOMES = new ConcurrentHashMap<>();

    private Held() {
    }

    private static CountDownLatch gate(String id) {
        return GATES.computeIfAbsent(id, any -> new CountDownLatch(1));
    }

    /** Waits until the test releases {@code id} (at most a minute, so nothing hangs). */
    static void await(String id) throws InterruptedException {
        gate(id).await(60, TimeUnit.SECONDS);
    }

    static void release(String id) {
        gate(id).countDown();
    }
}
