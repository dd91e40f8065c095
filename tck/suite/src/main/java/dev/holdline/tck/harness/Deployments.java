package dev.holdline.tck.harness;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Starting points for the web archives TCK tests deploy. Every archive carries an explicit
 * {@code beans.xml} in annotated mode: Weld on servlet containers needs one to start, and annotated
 * discovery keeps client-only test classes (which reference REST Assured) out of bean scanning.
 */
public final class Deployments {

    private static final String BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/beans_4_0.xsd"
                   version="4.0" bean-discovery-mode="annotated">
            </beans>
            """;

    private Deployments() {
    }

    /** A web archive named {@code <name>.war}, so its context path is {@code /<name>} on every container. */
    public static WebArchive war(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
    }
}
