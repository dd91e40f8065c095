package dev.holdline.tck.guard.otel.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Deployed: the JAX-RS application of the tracing tests, at {@code /api}. */
@ApplicationPath("api")
public class TracingApplication extends Application {
}
