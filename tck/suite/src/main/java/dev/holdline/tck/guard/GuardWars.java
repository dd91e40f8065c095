package dev.holdline.tck.guard;

import dev.holdline.tck.harness.Deployments;
import dev.holdline.tck.harness.Libraries;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The web archives of the guard tests: holdline-guard with what it needs at run time (holdline-http,
 * Bucket4j, Caffeine) in WEB-INF/lib, found by name because the runners keep the module off the test
 * class path, and not the OpenTelemetry API, as a WAR built without it would be.
 */
public final class GuardWars {

    private GuardWars() {
    }

    /** {@code <name>.war} with the guard libraries and no descriptor. */
    public static WebArchive war(String name) {
        return Deployments.war(name)
                .addAsLibraries(Libraries.of("holdline-guard", "dev.holdline.guard.GuardRejectedException"),
                        Libraries.of("holdline-http", "dev.holdline.http.Problem"),
                        Libraries.of("bucket4j_jdk17-core", "io.github.bucket4j.Bucket"),
                        Libraries.of("caffeine", "com.github.benmanes.caffeine.cache.Caffeine"));
    }

    /** {@code <name>.war} with the guard libraries and a {@code web.xml} made of {@code webXml} elements. */
    public static WebArchive war(String name, String webXml) {
        return war(name).setWebXML(new StringAsset("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                %s</web-app>
                """.formatted(webXml)));
    }
}
