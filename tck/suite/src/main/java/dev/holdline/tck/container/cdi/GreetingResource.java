package dev.holdline.tck.container.cdi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Deployed: a Jakarta REST resource that is a CDI bean, with an injected bean and an intercepted method. */
@Path("greeting")
@RequestScoped
public class GreetingResource {

    @Inject
    GreetingService greetings;

    @GET
    @Bracketed
    @Produces(MediaType.TEXT_PLAIN)
    public String greet() {
        return greetings.greet("rest");
    }
}
