package dev.holdline.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One preference of a {@code Prefer} header (RFC 7240), for example {@code wait=10} or
 * {@code return=minimal; foo=bar}.
 *
 * <p>The name is lower-cased because preference names compare case-insensitively; the value is kept as
 * sent because values are case-sensitive. RFC 7240 makes an empty value equivalent to no value, so
 * "no value" is represented as the empty string. Parameter names are lower-cased too, and the first of
 * duplicate parameters wins.
 *
 * @param name       the preference name, lower-case
 * @param value      the value, unquoted and unescaped; empty when none was given
 * @param parameters the parameters in the order sent, names lower-case, values empty when none
 */
public record Preference(String name, String value, Map<String, String> parameters) {

    /** Validates and normalises the components. */
    public Preference {
        Objects.requireNonNull(name, "name");
        if (!HttpSyntax.isToken(name)) {
            throw new IllegalArgumentException("Preference name '" + name + "' is not an HTTP token");
        }
        name = name.toLowerCase(Locale.ROOT);
        value = value == null ? "" : value;
        Map<String, String> normalised = new LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach((key, paramValue) -> {
                if (key == null || !HttpSyntax.isToken(key)) {
                    throw new IllegalArgumentException("Preference parameter name '" + key + "' is not an HTTP token");
                }
                normalised.putIfAbsent(key.toLowerCase(Locale.ROOT), paramValue == null ? "" : paramValue);
            });
        }
        parameters = Collections.unmodifiableMap(normalised);
    }

    /** A preference without value or parameters, such as {@code respond-async}. */
    public static Preference of(String name) {
        return new Preference(name, "", Map.of());
    }

    /** A preference with a value and no parameters, such as {@code wait=10}. */
    public static Preference of(String name, String value) {
        return new Preference(name, value, Map.of());
    }

    /** Whether a non-empty value was given. */
    public boolean hasValue() {
        return !value.isEmpty();
    }

    /** The preference as it would appear in a header, parameters included. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name);
        if (hasValue()) {
            text.append('=').append(HttpSyntax.word(value));
        }
        parameters.forEach((key, paramValue) -> {
            text.append("; ").append(key);
            if (!paramValue.isEmpty()) {
                text.append('=').append(HttpSyntax.word(paramValue));
            }
        });
        return text.toString();
    }
}
