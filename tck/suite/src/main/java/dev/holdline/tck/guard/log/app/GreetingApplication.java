package dev.holdline.tck.guard.log.app;

import dev.holdline.guard.jaxrs.GuardRejectedMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** Deployed: the JAX-RS application of the access-log tests, at {@code /api}, with the guards' exception mapper. */
@ApplicationPath("api")
public class GreetingApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(GreetingResource.class, GuardRejectedMapper.class);
    }
}
