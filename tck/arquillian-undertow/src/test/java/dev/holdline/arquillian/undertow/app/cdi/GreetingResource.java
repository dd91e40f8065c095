package dev.holdline.arquillian.undertow.app.cdi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** JAX-RS resource found by RESTEasy's initializer through {@code @HandlesTypes}, injected by Weld. */
@Path("greeting")
@RequestScoped
public class GreetingResource {

    @Inject
    Greeter greeter;

    @GET
    public String greet(@QueryParam("name") String name) {
        return greeter.greet(name);
    }
}
