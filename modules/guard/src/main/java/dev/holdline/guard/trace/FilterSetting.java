package dev.holdline.guard.trace;

import dev.holdline.http.HoldlineConfig;
import jakarta.servlet.FilterConfig;
import java.util.function.Function;

/**
 * Reads one setting of an observing filter ({@link TracingFilter}, the access log filter): a system
 * property with the key wins, then the filter's init-param, then the servlet context init-param, then the
 * default, as everywhere in Holdline. A bad value throws an {@link IllegalArgumentException} naming the
 * key, the filter and the value.
 */
public final class FilterSetting {

    private final FilterConfig filterConfig;
    private final HoldlineConfig config;

    /** The settings of the filter {@code filterConfig} describes. */
    public FilterSetting(FilterConfig filterConfig) {
        this.filterConfig = filterConfig;
        this.config = HoldlineConfig.of(filterConfig.getServletContext());
    }

    /** A value converted by {@code parser}, or the default if no source sets the key. */
    public <T> T get(String key, T defaultValue, String expected, Function<String, T> parser) {
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

    /** A boolean setting: exactly {@code true} or {@code false}. */
    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key, defaultValue, "'true' or 'false'", text -> switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        });
    }
}
