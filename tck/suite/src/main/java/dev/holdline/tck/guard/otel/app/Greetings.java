package dev.holdline.tck.guard.otel.app;

import dev.holdline.guard.trace.Traced;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;

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

    private static String currentSpanId() {
        return Span.current().getSpanContext().getSpanId();
    }
}
