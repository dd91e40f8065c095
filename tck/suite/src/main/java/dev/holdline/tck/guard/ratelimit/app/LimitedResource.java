package dev.holdline.tck.guard.ratelimit.app;

import dev.holdline.guard.ratelimit.RateLimitKey;
import dev.holdline.guard.ratelimit.RateLimited;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deployed: {@code @RateLimited} JAX-RS resource methods under {@code /rl-api/limited}. {@code same} has
 * the settings of the {@code rl-same} filter, so that the two answers can be compared.
 */
@RequestScoped
@Path("limited")
@Produces(MediaType.TEXT_PLAIN)
public class LimitedResource {

    private static final AtomicLong RUNS = new AtomicLong();

    /** Two calls per hour per client address, policy {@code tck}: as the {@code rl-same} filter. */
    @GET
    @Path("same")
    @RateLimited(limit = 2, window = 1, unit = ChronoUnit.HOURS, policy = "tck")
    public String same() {
        return "ok " + RUNS.incrementAndGet();
    }

    /** One call per hour per value of {@code X-Client-Key}. */
    @GET
    @Path("by-key")
    @RateLimited(limit = 1, window = 1, unit = ChronoUnit.HOURS, key = RateLimitKey.HEADER, header = "X-Client-Key")
    public String byKey() {
        return "ok " + RUNS.incrementAndGet();
    }

    /** One call per hour per client address. */
    @GET
    @Path("by-client")
    @RateLimited(limit = 1, window = 1, unit = ChronoUnit.HOURS)
    public String byClient() {
        return "ok " + RUNS.incrementAndGet();
    }

    /** How many calls ran. */
    @GET
    @Path("runs")
    public String runs() {
        return Long.toString(RUNS.get());
    }
}
