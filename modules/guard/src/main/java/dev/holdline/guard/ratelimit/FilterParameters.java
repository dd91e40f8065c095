package dev.holdline.guard.ratelimit;

import dev.holdline.http.HoldlineConfig;
import jakarta.servlet.FilterConfig;
import java.util.function.Function;

/**
 * Reads a filter's settings: a system property wins (the operator's lever), then the filter's own
 * init-param, then a servlet context init-param (shared by every filter of the kind), then the default.
 * A bad value throws an {@link IllegalArgumentException} naming the key and where the value came from.
 */
final class FilterParameters {

    private final FilterConfig filterConfig;
    private final HoldlineConfig config;

    FilterParameters(FilterConfig filterConfig) {
        this.filterConfig = filterConfig;
        this.config = HoldlineConfig.of(filterConfig.getServletContext());
    }

    <T> T get(String key, T defaultValue, String expected, Function<String, T> parser) {
        String own = filterConfig.getInitParameter(key);
        if (own == null || System.getProperty(key) != null) {
            return config.get(key, defaultValue, expected, parser);
        }
        try {
            return parser.apply(own.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid configuration " + key + ": the init-param value '" + own
                    + "' of filter '" + filterConfig.getFilterName() + "' is not valid; expected " + expected, e);
        }
    }
}
