package dev.holdline.tck.guard.otel.app;

import dev.holdline.guard.trace.Traced;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Deployed: a bean whose {@code @Traced} methods answer the id of the span that is current while they
 * run, so that the test can tell which exported span was theirs; the failing ones end their exception's
 * message with it.
 */
@ApplicationScoped
public class Greetings {

    /** The span name {@link #named()} asks for. */
    public static final String NAMED_SPAN = "holdline.tck.greeting";

    /** The start of the message of the exception {@link #failing()} throws. */
    public static final String FAILURE = "greeting failed in span";

    /**
     * How long the stages of {@link #later()} and {@link #laterFailing()} take to complete, in milliseconds
     * (a constant: the test reads it without loading this class, which names a class the client lacks).
     */
    public static final long LATER_MILLIS = 300;

    private static final Executor AFTER_A_WHILE = CompletableFuture.delayedExecutor(LATER_MILLIS, TimeUnit.MILLISECONDS);

    @Traced(NAMED_SPAN)
    public String named() {
        return currentSpanId();
    }

    @Traced
    public String unnamed() {
        return currentSpanId();
    }

    @Traced
    public String failing() {
        throw new IllegalStateException(FAILURE + " " + currentSpanId());
    }

    @Traced
    public String refused() {
        throw new Refusal("refused in span " + currentSpanId());
    }

    /** Returns at once; the stage completes {@link #LATER_MILLIS} afterwards. */
    @Traced
    public CompletionStage<String> later() {
        String spanId = currentSpanId();
        return CompletableFuture.supplyAsync(() -> spanId, AFTER_A_WHILE);
    }

    /** Returns at once; the stage fails {@link #LATER_MILLIS} afterwards. */
    @Traced
    public CompletionStage<String> laterFailing() {
        String spanId = currentSpanId();
        return CompletableFuture.supplyAsync(() -> {
            throw new IllegalStateException(FAILURE + " " + spanId);
        }, AFTER_A_WHILE);
    }

    private static String currentSpanId() {
        return Span.current().getSpanContext().getSpanId();
    }
}
