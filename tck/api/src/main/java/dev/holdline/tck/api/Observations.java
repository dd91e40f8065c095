package dev.holdline.tck.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * Records what a container did, unaided, in situations Holdline defends against (a client that
 * disconnects, the default async timeout, an undeploy). Observation tests call {@link #record}; the
 * conformance report turns the files into the table of {@code docs/containers.md}.
 *
 * <p>File format (a contract with {@code tck/report}): {@code <dir>/observations.properties}, where
 * {@code <dir>} is the system property {@value #DIR_PROPERTY} (default
 * {@code target/holdline-observations}); for each observation id, {@code <id>.question} and
 * {@code <id>.answer}. The container's name is the system property {@value #CONTAINER_PROPERTY}.
 */
public final class Observations {

    /** System property naming the directory observations are written to. */
    public static final String DIR_PROPERTY = "holdline.tck.observations.dir";

    /** System property naming the container under test, e.g. {@code Tomcat 10.1.59}. */
    public static final String CONTAINER_PROPERTY = "holdline.tck.container";

    /** File name inside the observations directory. */
    public static final String FILE_NAME = "observations.properties";

    private Observations() {
    }

    /** The file this JVM writes to. */
    public static Path file() {
        return Paths.get(System.getProperty(DIR_PROPERTY, "target/holdline-observations")).resolve(FILE_NAME);
    }

    /**
     * Stores one observation, replacing an earlier one with the same id.
     *
     * @param id       stable id such as {@code disconnect.listener}
     * @param question what was observed, e.g. "Client disconnects from a parked request"
     * @param answer   what the container did, e.g. "onError after 12 ms, then onComplete"
     */
    public static synchronized void record(String id, String question, String answer) {
        Path file = file();
        Properties properties = new Properties();
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
            }
            properties.setProperty(id + ".question", question);
            properties.setProperty(id + ".answer", answer);
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "Holdline container observations: " + System.getProperty(CONTAINER_PROPERTY, "unnamed"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record observation " + id + " in " + file, e);
        }
    }
}
