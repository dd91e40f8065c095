package dev.holdline.tck.guard.deadline.app;

import dev.holdline.guard.deadline.DeadlineHttp;
import dev.holdline.guard.deadline.cdi.Deadline;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Deployed: JAX-RS resource methods under {@code @Deadline}: {@code pending} (500 ms) returns a stage
 * that never completes; {@code late} (300 ms) works for 1 s, then returns; {@code remaining} (5 s) answers
 * its own time left and that of a nested 200 ms deadline; {@code outbound} (1 s) calls the slow upstream
 * through {@link DeadlineHttp}.
 */
@RequestScoped
@Path("deadline")
@Produces(MediaType.TEXT_PLAIN)
public class DeadlineResource {

    @Inject
    Budgets budgets;

    @Context
    ServletContext context;

    @GET
    @Path("pending")
    @Deadline(500)
    public CompletionStage<String> pending() {
        return new CompletableFuture<>();
    }

    @GET
    @Path("late")
    @Deadline(300)
    public String late() throws InterruptedException {
        // Slow work that nobody interrupts: a wait for a latch nobody opens.
        new CountDownLatch(1).await(1, TimeUnit.SECONDS);
        return "late result";
    }

    @GET
    @Path("remaining")
    @Deadline(5000)
    public String remaining() {
        long inner = budgets.innerRemaining();
        return dev.holdline.guard.deadline.Deadline.current().orElseThrow().remaining().toMillis() + " " + inner;
    }

    @GET
    @Path("outbound")
    @Deadline(1000)
    public String outbound() throws IOException, InterruptedException {
        URI upstream = URI.create(context.getInitParameter("tck.upstream")).resolve("slow");
        return DeadlineHttp.send(SlowServlet.HTTP, HttpRequest.newBuilder(upstream).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
