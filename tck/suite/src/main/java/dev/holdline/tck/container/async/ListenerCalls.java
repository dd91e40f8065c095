package dev.holdline.tck.container.async;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Deployed: remembers which {@link AsyncListener} callbacks the container made for each request id,
 * and when (milliseconds after the request was parked), so that a client can ask afterwards. Static
 * state is per deployment: each has its own class loader.
 */
public final class ListenerCalls {

    private static final Map<String, List<Call>> CALLS = new ConcurrentHashMap<>();

    private record Call(String name, long atMillis) {
    }

    private ListenerCalls() {
    }

    /**
     * A listener that records its callbacks under {@code requestId}, timed from now; {@code onTimeout}
     * runs after the timeout is recorded.
     */
    public static AsyncListener recorder(String requestId, Runnable onTimeout) {
        List<Call> calls = CALLS.computeIfAbsent(requestId, id -> new CopyOnWriteArrayList<>());
        long parkedAt = System.nanoTime();
        return new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                record("complete");
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                record("timeout");
                onTimeout.run();
            }

            @Override
            public void onError(AsyncEvent event) {
                Throwable cause = event.getThrowable();
                record(cause == null ? "error" : "error(" + cause.getClass().getSimpleName() + ")");
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                record("startAsync");
            }

            private void record(String name) {
                calls.add(new Call(name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - parkedAt)));
            }
        };
    }

    /** The callbacks made so far for {@code requestId}, in order, by name. */
    public static List<String> of(String requestId) {
        return CALLS.getOrDefault(requestId, List.of()).stream().map(Call::name).toList();
    }

    /** The same with times, e.g. {@code error(IOException)@12}. */
    public static List<String> timed(String requestId) {
        return CALLS.getOrDefault(requestId, List.of()).stream().map(call -> call.name() + "@" + call.atMillis()).toList();
    }
}
