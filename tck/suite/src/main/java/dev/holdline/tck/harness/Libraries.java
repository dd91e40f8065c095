package dev.holdline.tck.harness;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * Library archives for {@code WEB-INF/lib}, made from what the test JVM itself loaded a class from.
 * A module under test is on the runner's class path as a jar (a reactor build past {@code package},
 * or the local repository) or as a directory of classes ({@code target/classes} in an IDE or a build
 * that stopped at {@code compile}); either way it needs no installation in {@code ~/.m2}:
 * <pre>{@code
 * war.addAsLibraries(Libraries.of(Topics.class), Libraries.of(Problem.class));
 * }</pre>
 *
 * <p>On an embedded container (Tomcat, Undertow) the test JVM's class path is also the container's, so
 * a module found there is seen by every deployment as if it sat in the server's {@code lib}: Tomcat runs
 * its {@code ServletContainerInitializer} in every application and Weld Servlet finds its
 * {@code META-INF/beans.xml} a second time. A runner avoids that by keeping the module off the test
 * class path (failsafe {@code classpathDependencyExcludes}) and naming its file in the system property
 * {@value #PROPERTY_PREFIX}{@code <artifactId>}, which {@link #of(String, String)} reads first.
 */
public final class Libraries {

    /** Prefix of the system properties naming a library's jar file or class directory, by artifactId. */
    public static final String PROPERTY_PREFIX = "holdline.tck.library.";

    private Libraries() {
    }

    /**
     * The library {@code artifactId}: the file or directory named by the system property
     * {@value #PROPERTY_PREFIX}{@code <artifactId>} if set, otherwise what {@code anyClassName} is
     * loaded from (by name and without initialising it, so that a test class referring to the library
     * this way loads without it).
     *
     * @throws IllegalStateException if the property is not set and the class is not on the class path
     */
    public static JavaArchive of(String artifactId, String anyClassName) {
        String configured = System.getProperty(PROPERTY_PREFIX + artifactId);
        if (configured != null && !configured.isBlank()) {
            return archive(Path.of(configured.trim()).toAbsolutePath(), "system property " + PROPERTY_PREFIX + artifactId);
        }
        Class<?> type;
        try {
            type = Class.forName(anyClassName, false, Libraries.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(artifactId + " is neither named by the system property " + PROPERTY_PREFIX
                    + artifactId + " nor on the class path (" + anyClassName + ")", e);
        }
        return of(type);
    }

    /**
     * A fresh archive holding everything of the jar or class directory {@code anyClassOfTheJar} was
     * loaded from, named after that jar ({@code holdline-longpoll-0.1.0-SNAPSHOT.jar}) or, for a
     * {@code <module>/target/classes} directory, after the module directory ({@code longpoll.jar}).
     *
     * @throws IllegalArgumentException if the class has no code source on the file system (a JDK class)
     */
    public static JavaArchive of(Class<?> anyClassOfTheJar) {
        return archive(location(anyClassOfTheJar), anyClassOfTheJar.getName());
    }

    private static JavaArchive archive(Path location, String origin) {
        if (Files.isDirectory(location)) {
            return ShrinkWrap.create(ExplodedImporter.class, directoryArchiveName(location))
                    .importDirectory(location.toFile())
                    .as(JavaArchive.class);
        }
        if (Files.isRegularFile(location)) {
            // Read at once, not when the archive is exported: a build rewriting the jar meanwhile would corrupt the WAR.
            try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(location))) {
                return ShrinkWrap.create(ZipImporter.class, location.getFileName().toString())
                        .importFrom(in)
                        .as(JavaArchive.class);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + location + " (from " + origin + ")", e);
            }
        }
        throw new IllegalArgumentException(origin + " names " + location + ", which is neither a jar file nor a directory");
    }

    private static Path location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalArgumentException(type.getName() + " has no code source on the file system: " + url);
        }
        try {
            return Path.of(url.toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(type.getName() + " has an unreadable code source " + url, e);
        }
    }

    private static String directoryArchiveName(Path directory) {
        Path parent = directory.getParent();
        boolean mavenClasses = directory.getFileName() != null && "classes".equals(directory.getFileName().toString())
                && parent != null && parent.getFileName() != null && "target".equals(parent.getFileName().toString())
                && parent.getParent() != null && parent.getParent().getFileName() != null;
        String base = mavenClasses ? parent.getParent().getFileName().toString() : "classes-" + Integer.toHexString(directory.hashCode());
        return base + ".jar";
    }
}
