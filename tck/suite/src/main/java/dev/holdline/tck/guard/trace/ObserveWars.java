package dev.holdline.tck.guard.trace;

import dev.holdline.tck.harness.Deployments;
import dev.holdline.tck.harness.Libraries;
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
