package dev.holdline.tck.guard.log.app;

import dev.holdline.guard.log.Logged;
import dev.holdline.tck.guard.trace.app.TckRejection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Deployed: a {@link Logged} resource: {@code GET /api/greetings/{name}} answers a {@code Response} 201,
 * {@code GET /api/greetings/limited/{name}} throws a guard rejection (429).
 */
@RequestScoped
@Logged
@Path("greetings")
@Produces(MediaType.TEXT_PLAIN)
public class GreetingResource {

    @GET
    @Path("{name}")
    public Response greet(@PathParam("name") String name) {
        return Response.status(201).entity("hello " + name).build();
    }

    @GET
    @Path("limited/{name}")
    public String limited(@PathParam("name") String name) {
        throw new TckRejection();
    }
}
