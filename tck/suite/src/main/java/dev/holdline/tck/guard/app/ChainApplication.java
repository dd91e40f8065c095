package dev.holdline.tck.guard.app;

import dev.holdline.guard.jaxrs.GuardRejectedMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** Deployed: the JAX-RS application of the guard-chain test, at {@code /chain-api}. */
@ApplicationPath("chain-api")
public class ChainApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ChainResource.class, GuardRejectedMapper.class);
    }
}
