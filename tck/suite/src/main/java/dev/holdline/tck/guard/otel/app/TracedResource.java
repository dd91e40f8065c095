package dev.holdline.tck.guard.otel.app;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Deployed: {@code GET /api/traced/{plain|named|unnamed|failing|refused|filtered|later|later-failing}}, each answering
 * {@code "<traceId> <outerSpanId> <innerSpanId>"}: the ids of the span current in the resource (the
 * agent's server span, or the {@code TracingFilter}'s span under {@code filtered}) and of the span current
 * inside the {@link Greetings} method it calls, {@code -} where there is none. {@code GET /api/traced/rejected}
 * lets a guard rejection reach the JAX-RS exception mapper.
 */
@RequestScoped
@Path("traced")
@Produces(MediaType.TEXT_PLAIN)
public class TracedResource {

    /** The one path the tests register {@code TracingFilter} for. */
    public static final String FILTERED = "/api/traced/filtered";

    /** The paths the tests register {@code AccessLogFilter} for. */
    public static final String LOGGED = "/api/traced/logged/*";

    @Inject
    Greetings greetings;

    @GET
    @Path("plain")
    public String plain() {
        return ids(() -> "-");
    }

    /** Behind the access-log filter (GD-5.6): a path of the test's own, for its one line. */
    @GET
    @Path("logged/{marker}")
    public String logged() {
        return ids(() -> "-");
    }

    @GET
    @Path("named")
    public String named() {
        return ids(greetings::named);
    }

    @GET
    @Path("unnamed")
    public String unnamed() {
        return ids(greetings::unnamed);
    }

    @GET
    @Path("failing")
    public String failing() {
        return ids(() -> spanOf(greetings::failing, IllegalStateException.class));
    }

    @GET
    @Path("refused")
    public String refused() {
        return ids(() -> spanOf(greetings::refused, Refusal.class));
    }

    @GET
    @Path("filtered")
    public String filtered() {
        return ids(greetings::named);
    }

    /** The rejection is not caught: holdline-guard's JAX-RS exception mapper answers it (429). */
    @GET
    @Path("rejected")
    public String rejected() {
        return greetings.refused();
    }

    /** Waits for the stage: the {@code @Traced} span ends when it completes, not when the method returns. */
    @GET
    @Path("later")
    public String later() {
        return ids(() -> greetings.later().toCompletableFuture().join());
    }

    @GET
    @Path("later-failing")
    public String laterFailing() {
        return ids(() -> spanOf(() -> greetings.laterFailing().toCompletableFuture().join(), CompletionException.class));
    }

    /**
     * The span id that the exception of type {@code expected} a failing method throws names. Caught here,
     * so that the request itself succeeds and only the {@code @Traced} span shows the failure; anything
     * else is answered as several words, which the test reports.
     */
    private static String spanOf(Supplier<String> failing, Class<? extends RuntimeException> expected) {
        try {
            return "returned " + failing.get();
        } catch (RuntimeException e) {
            return expected.isInstance(e) ? e.getMessage().substring(e.getMessage().lastIndexOf(' ') + 1) : "threw " + e;
        }
    }

    private static String ids(Supplier<String> inner) {
        Span outer = Span.current();
        String innerSpanId = inner.get();
        return outer.getSpanContext().getTraceId() + " " + outer.getSpanContext().getSpanId() + " " + innerSpanId;
    }
}
