package dev.holdline.tck.guard.concurrency.app;

import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deployed: the requests and calls the concurrency-limit tests hold, by id, until the test releases them
 * through {@link ControlServlet}. Parked servlet requests hold no thread (Payara has only 5).
 */
public final class Parked {

    static final Map<String, AsyncContext> REQUESTS = new ConcurrentHashMap<>();
    static final Map<String, CompletableFuture<String>> CALLS = new ConcurrentHashMap<>();

    private Parked() {
    }

    /** How many requests or calls whose id starts with {@code prefix} are held now. */
    static long count(String prefix) {
        return REQUESTS.keySet().stream().filter(id -> id.startsWith(prefix)).count()
                + CALLS.keySet().stream().filter(id -> id.startsWith(prefix)).count();
    }

    /** Answers every request and call whose id starts with {@code prefix}; a client gone is no error. */
    static int release(String prefix) {
        int released = 0;
        for (String id : REQUESTS.keySet()) {
            AsyncContext async = id.startsWith(prefix) ? REQUESTS.remove(id) : null;
            if (async != null) {
                released++;
                try {
                    async.getResponse().setContentType("text/plain");
                    async.getResponse().getWriter().write("released " + id);
                } catch (IOException | RuntimeException clientGone) {
                    // The test that closed the connection expects this.
                } finally {
                    async.complete();
                }
            }
        }
        for (String id : CALLS.keySet()) {
            CompletableFuture<String> call = id.startsWith(prefix) ? CALLS.remove(id) : null;
            if (call != null) {
                released++;
                call.complete("released " + id);
            }
        }
        return released;
    }
}
