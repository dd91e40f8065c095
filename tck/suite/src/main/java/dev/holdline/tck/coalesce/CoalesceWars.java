package dev.holdline.tck.coalesce;

import dev.holdline.tck.harness.Deployments;
import dev.holdline.tck.harness.Libraries;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The web archives of the coalescing tests: the module's jars in WEB-INF/lib and the upstream's address. */
final class CoalesceWars {

    private CoalesceWars() {
    }

    /**
     * {@code <name>.war} with holdline-coalesce and holdline-http as libraries (found by name: the runners
     * keep the module off the test class path) and a {@code web.xml} naming {@code upstream}, plus
     * {@code webXml} elements.
     */
    static WebArchive war(String name, SlowUpstream upstream, String webXml) {
        return Deployments.war(name)
                .addAsLibraries(Libraries.of("holdline-coalesce", "dev.holdline.coalesce.Coalescer"),
                        Libraries.of("holdline-http", "dev.holdline.http.Problem"))
                .setWebXML(new StringAsset(upstream.webXml(webXml)));
    }
}
