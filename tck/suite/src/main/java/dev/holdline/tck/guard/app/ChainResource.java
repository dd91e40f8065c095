package dev.holdline.tck.guard.app;

import dev.holdline.guard.concurrency.ConcurrencyLimit;
import dev.holdline.guard.concurrency.ConcurrencyLimits;
import dev.holdline.guard.deadline.cdi.Deadline;
import dev.holdline.guard.log.Logged;
import dev.holdline.guard.ratelimit.RateLimitKey;
import dev.holdline.guard.ratelimit.RateLimited;
import dev.holdline.guard.trace.Traced;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.temporal.ChronoUnit;

/**
 * Deployed: one resource method under every guard binding at once, one call per hour per
 * {@code X-Tck-Client} value, and the concurrency limit's count of the calls it admitted.
 */
@RequestScoped
@Path("chain")
@Produces(MediaType.TEXT_PLAIN)
public class ChainResource {

    @Inject
    ConcurrencyLimits limits;

    @GET
    @Path("stacked/{marker}")
    @Logged
    @Traced
    @RateLimited(limit = 1, window = 1, unit = ChronoUnit.HOURS, key = RateLimitKey.HEADER, header = "X-Tck-Client")
    @ConcurrencyLimit(max = 2)
    @Deadline(value = 60, unit = ChronoUnit.SECONDS)
    public String stacked(@PathParam("marker") String marker) {
        return "ran " + marker;
    }

    @GET
    @Path("admitted")
    public String admitted() throws NoSuchMethodException {
        return Long.toString(limits.stats(ChainResource.class.getMethod("stacked", String.class)).admitted());
    }
}
