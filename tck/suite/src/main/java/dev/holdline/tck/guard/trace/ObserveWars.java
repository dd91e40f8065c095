package dev.holdline.tck.guard.trace;

import dev.holdline.tck.harness.Deployments;
import dev.holdline.tck.harness.Libraries;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The web archives of the access-log and tracing tests: holdline-guard with what it needs at run time
 * (holdline-http, Bucket4j, Caffeine) in WEB-INF/lib, and deliberately not the OpenTelemetry API, as a
 * WAR built without it would be. (Payara provides an OpenTelemetry API of its own; the guards then use it,
 * with its SDK disabled by default.)
 */
public final class ObserveWars {

    private ObserveWars() {
    }

    /** The deployed guard rejection, named rather than loaded: the test JVM has no holdline-guard on its class path. */
    public static final String REJECTION = "dev.holdline.tck.guard.trace.app.TckRejection";

    /**
     * Adds the class file of {@link #REJECTION} as it is, without loading the class (which would need
     * holdline-guard in the test JVM).
     */
    public static WebArchive withRejection(WebArchive war) {
        String path = REJECTION.replace('.', '/') + ".class";
        return war.addAsWebInfResource(new ClassLoaderAsset(path, ObserveWars.class.getClassLoader()), "classes/" + path);
    }

    /** {@code <name>.war} with the libraries and a {@code web.xml} holding {@code webXml} elements. */
    public static WebArchive war(String name, String webXml) {
        return Deployments.war(name)
                .addAsLibraries(Libraries.of("holdline-guard", "dev.holdline.guard.GuardRejectedException"),
                        Libraries.of("holdline-http", "dev.holdline.http.Problem"),
                        Libraries.of("bucket4j_jdk17-core", "io.github.bucket4j.Bucket"),
                        Libraries.of("caffeine", "com.github.benmanes.caffeine.cache.Caffeine"))
                .setWebXML(new StringAsset("""
                        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                        %s</web-app>
                        """.formatted(webXml)));
    }
}
