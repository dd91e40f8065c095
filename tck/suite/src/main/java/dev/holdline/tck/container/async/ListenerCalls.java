package dev.holdline.tck.container.async;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Deployed: remembers which {@link AsyncListener} callbacks the container made for each request id,
 * so that a client can ask afterwards. Static state is per deployment: each has its own class loader.
 */
public final class ListenerCalls {

    private static final Map<String, List<String>> CALLS = new ConcurrentHashMap<>();

    private ListenerCalls() {
    }

    /** A listener that records its callbacks under {@code requestId}; {@code onTimeout} runs after the timeout is recorded. */
    public static AsyncListener recorder(String requestId, Runnable onTimeout) {
        List<String> calls = CALLS.computeIfAbsent(requestId, id -> new CopyOnWriteArrayList<>());
        return new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                calls.add("complete");
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                calls.add("timeout");
                onTimeout.run();
            }

            @Override
            public void onError(AsyncEvent event) {
                Throwable cause = event.getThrowable();
                calls.add(cause == null ? "error" : "error(" + cause.getClass().getSimpleName() + ")");
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                calls.add("startAsync");
            }
        };
    }

    /** The callbacks made so far for {@code requestId}, in order, e.g. {@code error(IOException)}. */
    public static List<String> of(String requestId) {
        return List.copyOf(CALLS.getOrDefault(requestId, List.of()));
    }
}
