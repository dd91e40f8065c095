package dev.holdline.http;

import jakarta.servlet.FilterConfig;
import java.time.Duration;
import java.util.function.Function;

/**
 * The settings of one Holdline filter: each key is read from a system property (the operator's lever), then
 * an init-param of the filter, then a servlet context init-param (which applies to every filter of that
 * kind in the application), then its default. A bad value throws an {@link IllegalArgumentException}
 * naming the key and where the value came from, so that the filter's {@code init} fails the deployment
 * instead of guarding with a value nobody meant.
 */
public final class HoldlineFilterConfig {

    private final FilterConfig filterConfig;
    private final HoldlineConfig config;

    /** Settings of this filter. */
    public HoldlineFilterConfig(FilterConfig filterConfig) {
        this.filterConfig = filterConfig;
        this.config = HoldlineConfig.of(filterConfig.getServletContext());
    }

    /** A value converted by {@code parser}, or the default; {@code expected} describes valid values for the error message. */
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

    /** An integer in {@code min..max}, or the default. */
    public int getInt(String key, int defaultValue, int min, int max) {
        return get(key, defaultValue, "an integer between " + min + " and " + max, text -> {
            int parsed = Integer.parseInt(text);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(parsed + " is out of range");
            }
            return parsed;
        });
    }

    /** A duration ({@link Durations} syntax) in {@code min..max}, or the default. */
    public Duration getDuration(String key, Duration defaultValue, Duration min, Duration max) {
        return get(key, defaultValue, "a duration between " + min + " and " + max + ": " + Durations.ACCEPTED_FORMS, text -> {
            Duration parsed = Durations.parse(text);
            if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
                throw new IllegalArgumentException(parsed + " is out of range");
            }
            return parsed;
        });
    }

    /** Exactly {@code true} or {@code false}, or the default. */
    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key, defaultValue, "'true' or 'false'", text -> switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        });
    }

    /** The filter's name, for logs and context attributes. */
    public String filterName() {
        return filterConfig.getFilterName();
    }
}
