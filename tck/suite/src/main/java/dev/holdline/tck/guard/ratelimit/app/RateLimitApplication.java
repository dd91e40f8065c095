package dev.holdline.tck.guard.ratelimit.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Deployed: the JAX-RS application of the rate-limit tests, at {@code /rl-api}. */
@ApplicationPath("rl-api")
public class RateLimitApplication extends Application {
}
