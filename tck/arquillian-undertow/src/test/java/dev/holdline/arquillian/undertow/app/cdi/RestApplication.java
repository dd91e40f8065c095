package dev.holdline.arquillian.undertow.app.cdi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Activates JAX-RS under /rest. */
@ApplicationPath("rest")
public class RestApplication extends Application {
}
