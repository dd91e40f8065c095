package dev.holdline.tck.container.undeploy;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Deployed: on {@code contextDestroyed}, writes a file whose path the context-param
 * {@value #MARKER_PARAM} names. A file is what a test JVM can see whether or not the container
 * runs in the same JVM (the TCK and the container share the machine).
 */
@WebListener
public class DestroyMarker implements ServletContextListener {

    /** Context-param naming the file to write. */
    public static final String MARKER_PARAM = "holdline.tck.destroyed-marker";

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        String marker = event.getServletContext().getInitParameter(MARKER_PARAM);
        try {
            Files.writeString(Path.of(marker), "contextDestroyed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
