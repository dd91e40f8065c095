package dev.holdline.tck.guard.deadline.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Deployed: the JAX-RS application of the deadline tests, at {@code /api}. */
@ApplicationPath("api")
public class DeadlineApplication extends Application {
}
