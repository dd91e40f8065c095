package dev.holdline.http;

import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Looks up Holdline settings, keys {@code holdline.<module>.<name>}: a system property with the key wins,
 * then a servlet context init-param with the key, then the setting's documented default.
 *
 * <p>System properties win because they are the operator's lever: they change a deployment without
 * rebuilding its WAR. Typed getters trim surrounding whitespace (web.xml formatting adds it) and throw an
 * {@link IllegalArgumentException} naming the key, the source and the bad value; a bad value is never
 * silently replaced by the default. Lookups are not cached, so a changed system property takes effect
 * for the next lookup; modules read their settings once at start-up.
 */
public final class HoldlineConfig {

    private static final Pattern KEY = Pattern.compile("holdline\\.[a-z][a-z0-9-]*\\.[A-Za-z0-9][A-Za-z0-9._-]*");

    private final ServletContext context;

    private HoldlineConfig(ServletContext context) {
        this.context = context;
    }

    /** Configuration for a web application; a null context means system properties and defaults only. */
    public static HoldlineConfig of(ServletContext context) {
        return new HoldlineConfig(context);
    }

    /** Configuration outside a servlet container: system properties and defaults only. */
    public static HoldlineConfig systemPropertiesOnly() {
        return new HoldlineConfig(null);
    }

    /**
     * The raw value of a key and its source, or empty if neither a system property nor an init-param
     * sets it.
     *
     * @throws IllegalArgumentException if the key does not have the form {@code holdline.<module>.<name>}
     */
    public Optional<ConfigValue> lookup(String key) {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Configuration key '" + key + "' does not have the form holdline.<module>.<name>");
        }
        String property = System.getProperty(key);
        if (property != null) {
            return Optional.of(new ConfigValue(key, property, ConfigSource.SYSTEM_PROPERTY));
        }
        if (context != null) {
            String initParameter = context.getInitParameter(key);
            if (initParameter != null) {
                return Optional.of(new ConfigValue(key, initParameter, ConfigSource.INIT_PARAMETER));
            }
        }
        return Optional.empty();
    }

    /**
     * A value converted by {@code parser}, or the default if the key is not set. An
     * {@link IllegalArgumentException} from the parser is rethrown naming the key, source and value.
     *
     * @param expected describes the accepted values for the error message, such as "a URI"
     */
    public <T> T get(String key, T defaultValue, String expected, Function<String, T> parser) {
        Optional<ConfigValue> found = lookup(key);
        if (found.isEmpty()) {
            return defaultValue;
        }
        ConfigValue value = found.get();
        try {
            return parser.apply(value.value().strip());
        } catch (IllegalArgumentException e) {
            throw value.invalid(expected, e);
        }
    }

    /** A string setting, trimmed, or the default. */
    public String getString(String key, String defaultValue) {
        return lookup(key).map(value -> value.value().strip()).orElse(defaultValue);
    }

    /**
     * An integer setting in {@code min..max}, or the default.
     *
     * @throws IllegalArgumentException if the value is not a decimal integer in range, or the default is
     *                                  itself out of range
     */
    public int getInt(String key, int defaultValue, int min, int max) {
        if (min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("Default " + defaultValue + " of " + key + " is outside " + min + ".." + max);
        }
        String expected = "an integer between " + min + " and " + max;
        return get(key, defaultValue, expected, text -> {
            int parsed = Integer.parseInt(text);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(parsed + " is out of range");
            }
            return parsed;
        });
    }

    /**
     * A boolean setting, exactly {@code true} or {@code false}, or the default. Anything else, including
     * {@code yes} or {@code TRUE}, is an error rather than a silent {@code false}.
     */
    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key, defaultValue, "'true' or 'false'", text -> switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        });
    }

    /** A duration setting in the syntax of {@link Durations#parse(String)}, or the default. */
    public Duration getDuration(String key, Duration defaultValue) {
        return get(key, defaultValue, Durations.ACCEPTED_FORMS, Durations::parse);
    }
}
