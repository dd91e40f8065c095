package dev.holdline.tck.container.cdi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Deployed: activates Jakarta REST under {@code /api}. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
