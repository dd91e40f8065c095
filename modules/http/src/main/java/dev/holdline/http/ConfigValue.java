package dev.holdline.http;

import java.util.Objects;

/**
 * A raw configuration value together with its key and source, so that whoever interprets it can say
 * exactly which setting, from where, was wrong.
 *
 * @param key    the key, such as {@code holdline.http.problem-base}
 * @param value  the value as found, not trimmed
 * @param source where it was found
 */
public record ConfigValue(String key, String value, ConfigSource source) {

    /** Checks that no component is null. */
    public ConfigValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    /** An exception naming the key, the source and the value, then saying what was expected. */
    public IllegalArgumentException invalid(String expected, Throwable cause) {
        return new IllegalArgumentException("Invalid configuration " + key + ": the " + source.description()
                + " value '" + value + "' is not valid; expected " + expected, cause);
    }
}
