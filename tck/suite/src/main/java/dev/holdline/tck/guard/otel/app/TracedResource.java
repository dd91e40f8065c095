package dev.holdline.tck.guard.otel.app;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Supplier;

/**
 * Deployed: {@code GET /api/traced/{plain|named|unnamed|failing}}, each answering
 * {@code "<traceId> <serverSpanId> <innerSpanId>"}: the ids of the span current in the resource (the
 * agent's server span) and of the span current inside the {@link Greetings} method it calls (for a
 * failing method, the one its exception names); {@code -} where there is none.
 */
@RequestScoped
@Path("traced")
@Produces(MediaType.TEXT_PLAIN)
public class TracedResource {

    @Inject
    Greetings greetings;

    @GET
    @Path("plain")
    public String plain() {
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

    /** The exception is caught here: the server span ends well, only the {@code @Traced} span failed. */
    @GET
    @Path("failing")
    public String failing() {
        return ids(() -> {
            try {
                return greetings.failing();
            } catch (IllegalStateException e) {
                return e.getMessage().substring(e.getMessage().lastIndexOf(' ') + 1);
            }
        });
    }

    private static String ids(Supplier<String> inner) {
        Span server = Span.current();
        String innerSpanId = inner.get();
        return server.getSpanContext().getTraceId() + " " + server.getSpanContext().getSpanId() + " " + innerSpanId;
    }
}
