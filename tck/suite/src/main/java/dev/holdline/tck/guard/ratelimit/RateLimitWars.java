package dev.holdline.tck.guard.ratelimit;

import dev.holdline.tck.guard.GuardWars;
import dev.holdline.tck.guard.ratelimit.app.OkServlet;
import dev.holdline.tck.guard.ratelimit.app.StatsServlet;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The web archives of the rate-limit tests: holdline-guard with what it needs in WEB-INF/lib, the
 * {@link OkServlet} behind the filters and the {@link StatsServlet}, and a {@code web.xml} of filters.
 */
final class RateLimitWars {

    private RateLimitWars() {
    }

    static WebArchive war(String name, String filters) {
        return war(name, Map.of(), filters);
    }

    /** With these context-params ({@code holdline.guard.rate.*} settings shared by the filters and {@code @RateLimited}). */
    static WebArchive war(String name, Map<String, String> contextParams, String filters) {
        String params = contextParams.entrySet().stream()
                .map(param -> "  <context-param><param-name>%s</param-name><param-value>%s</param-value></context-param>%n"
                        .formatted(param.getKey(), param.getValue()))
                .collect(Collectors.joining());
        return GuardWars.war(name, params + filters).addClasses(OkServlet.class, StatsServlet.class);
    }

    /** A {@code RateLimitFilter} named {@code name} on {@code /rl/<name>/*} with these {@code holdline.guard.rate.*} settings. */
    static String rateLimit(String name, Map<String, String> settings) {
        return filter(name, "dev.holdline.guard.ratelimit.RateLimitFilter", "/rl/" + name + "/*", settings.entrySet().stream()
                .map(setting -> "    <init-param><param-name>holdline.guard.rate.%s</param-name><param-value>%s</param-value></init-param>%n"
                        .formatted(setting.getKey(), setting.getValue()))
                .collect(Collectors.joining()));
    }

    static String filter(String name, String className, String pattern, String params) {
        return """
                  <filter>
                    <filter-name>%1$s</filter-name>
                    <filter-class>%2$s</filter-class>
                    <async-supported>true</async-supported>
                %4$s  </filter>
                  <filter-mapping>
                    <filter-name>%1$s</filter-name>
                    <url-pattern>%3$s</url-pattern>
                  </filter-mapping>
                """.formatted(name, className, pattern, params);
    }
}
