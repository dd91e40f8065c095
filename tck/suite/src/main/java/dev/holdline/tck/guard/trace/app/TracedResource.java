package dev.holdline.tck.guard.trace.app;

import dev.holdline.guard.trace.Traced;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;

/** Deployed: {@code GET /api/traced/{greet|later|refused|failing}/{name}} through {@link TracedGreeter}. */
@RequestScoped
@Path("traced")
@Produces(MediaType.TEXT_PLAIN)
public class TracedResource {

    @Inject
    TracedGreeter greeter;

    @GET
    @Path("greet/{name}")
    @Traced("tck-resource")
    public String greet(@PathParam("name") String name) {
        return greeter.greet(name);
    }

    @GET
    @Path("later/{name}")
    public CompletionStage<String> later(@PathParam("name") String name) {
        return greeter.greetLater(name);
    }

    @GET
    @Path("refused/{name}")
    public String refused(@PathParam("name") String name) {
        return greeter.refuse();
    }

    @GET
    @Path("failing/{name}")
    public String failing(@PathParam("name") String name) {
        return greeter.fail(name);
    }
}
