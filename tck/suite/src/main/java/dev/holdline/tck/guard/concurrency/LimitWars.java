package dev.holdline.tck.guard.concurrency;

import dev.holdline.tck.guard.GuardWars;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The web archive of the concurrency-limit tests: holdline-guard and what it needs in WEB-INF/lib. */
final class LimitWars {

    private LimitWars() {
    }

    /** {@code <name>.war} with the guard libraries and a {@code web.xml} made of {@code webXml} elements. */
    static WebArchive war(String name, String webXml) {
        return GuardWars.war(name, webXml);
    }

    /** A {@code ConcurrencyLimitFilter} on {@code pattern} for REQUEST and ASYNC dispatches, with init-params (name, value pairs). */
    static String filter(String name, String pattern, String... params) {
        StringBuilder initParams = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            initParams.append("    <init-param><param-name>").append(params[i]).append("</param-name><param-value>")
                    .append(params[i + 1]).append("</param-value></init-param>\n");
        }
        return """
                  <filter>
                    <filter-name>%1$s</filter-name>
                    <filter-class>dev.holdline.guard.concurrency.ConcurrencyLimitFilter</filter-class>
                    <async-supported>true</async-supported>
                %3$s  </filter>
                  <filter-mapping>
                    <filter-name>%1$s</filter-name>
                    <url-pattern>%2$s</url-pattern>
                    <dispatcher>REQUEST</dispatcher>
                    <dispatcher>ASYNC</dispatcher>
                  </filter-mapping>
                """.formatted(name, pattern, initParams);
    }
}
