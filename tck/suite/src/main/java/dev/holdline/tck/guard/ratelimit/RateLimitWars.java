package dev.holdline.tck.guard.ratelimit;

import dev.holdline.tck.guard.GuardWars;
import dev.holdline.tck.harness.Deployments;
import dev.holdline.tck.guard.ratelimit.app.OkServlet;
import dev.holdline.tck.guard.ratelimit.app.StatsServlet;
import java.util.Map;
import java.util.stream.Stream;
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
        String[] params = settings.entrySet().stream()
                .flatMap(setting -> Stream.of("holdline.guard.rate." + setting.getKey(), setting.getValue()))
                .toArray(String[]::new);
        return Deployments.filter(name, "dev.holdline.guard.ratelimit.RateLimitFilter", "/rl/" + name + "/*", params);
    }
}
