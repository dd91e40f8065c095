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

    /**
     * A {@code <filter>} and its {@code <filter-mapping>} for {@code web.xml}: async-supported, mapped to
     * {@code pattern} for REQUEST and ASYNC dispatches, with init-params given as name, value pairs.
     */
    public static String filter(String name, String className, String pattern, String... initParams) {
        if (initParams.length % 2 != 0) {
            throw new IllegalArgumentException("init-params come in name, value pairs: " + String.join(", ", initParams));
        }
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < initParams.length; i += 2) {
            params.append("    <init-param><param-name>").append(initParams[i]).append("</param-name><param-value>")
                    .append(initParams[i + 1]).append("</param-value></init-param>\n");
        }
        return """
                  <filter>
                    <filter-name>%1$s</filter-name>
                    <filter-class>%2$s</filter-class>
                    <async-supported>true</async-supported>
                %4$s  </filter>
                  <filter-mapping>
                    <filter-name>%1$s</filter-name>
                    <url-pattern>%3$s</url-pattern>
                    <dispatcher>REQUEST</dispatcher>
                    <dispatcher>ASYNC</dispatcher>
                  </filter-mapping>
                """.formatted(name, className, pattern, params);
    }
}
