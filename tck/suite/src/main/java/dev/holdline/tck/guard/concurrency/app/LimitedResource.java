package dev.holdline.tck.guard.concurrency.app;

import dev.holdline.guard.concurrency.ConcurrencyLimit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Deployed: JAX-RS resource methods under {@code @ConcurrencyLimit}. {@code park/{id}} returns a stage
 * that completes when the test releases it (the slot is held until then, no thread is);
 * {@code fail} throws.
 */
@RequestScoped
@Path("limited")
@Produces(MediaType.TEXT_PLAIN)
public class LimitedResource {

    @GET
    @Path("park/{id}")
    @ConcurrencyLimit(max = 2, retryAfter = 7)
    public CompletionStage<String> park(@PathParam("id") String id) {
        CompletableFuture<String> call = new CompletableFuture<>();
        Parked.CALLS.put(id, call);
        return call;
    }

    @GET
    @Path("fail")
    @ConcurrencyLimit(max = 1)
    public String fail() {
        throw new IllegalStateException("failure of the method");
    }
}
