package dev.holdline.tck.guard.concurrency.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Deployed: the JAX-RS application of the concurrency-limit tests, at {@code /api}. */
@ApplicationPath("api")
public class LimitApplication extends Application {
}
