package dev.holdline.tck.coalesce.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Deployed: the JAX-RS application of the coalescing tests, at {@code /api}. */
@ApplicationPath("api")
public class QuoteApplication extends Application {
}
