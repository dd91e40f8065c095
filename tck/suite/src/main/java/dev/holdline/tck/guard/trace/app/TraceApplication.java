package dev.holdline.tck.guard.trace.app;

import dev.holdline.guard.jaxrs.GuardRejectedMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** Deployed: the JAX-RS application of the tracing tests, at {@code /api}, with the guards' exception mapper. */
@ApplicationPath("api")
public class TraceApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TracedResource.class, IllegalArgumentMapper.class, GuardRejectedMapper.class);
    }
}
