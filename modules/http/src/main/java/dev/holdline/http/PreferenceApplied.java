package dev.holdline.http;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the preferences a server actually honoured and formats them as a {@code Preference-Applied}
 * field value (RFC 7240 section 3), for example {@code wait=10, respond-async}.
 *
 * <p>Only honoured preferences belong here; RFC 7240 gives the header no parameters, so none are
 * written. Adding a name twice keeps the first value, as for {@code Prefer}. Instances are mutable and
 * meant to live for one response on one thread.
 */
public final class PreferenceApplied {

    /** The response header name. */
    public static final String HEADER = "Preference-Applied";

    private final Map<String, String> applied = new LinkedHashMap<>();

    /** Records a preference without value, such as {@code respond-async}. */
    public PreferenceApplied add(String name) {
        return add(name, "");
    }

    /**
     * Records a preference with a value; an empty value means none.
     *
     * @throws IllegalArgumentException if the name is not a token or the value cannot be sent
     */
    public PreferenceApplied add(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!HttpSyntax.isToken(name)) {
            throw new IllegalArgumentException("Preference name '" + name + "' is not an HTTP token");
        }
        HttpSyntax.word(value); // fail now rather than when the header is written
        applied.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    /** Records a preference as received, without its parameters. */
    public PreferenceApplied add(Preference honoured) {
        return add(honoured.name(), honoured.value());
    }

    /** Records {@code wait=<seconds>}. */
    public PreferenceApplied waitSeconds(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("wait must not be negative, was " + seconds);
        }
        return add("wait", Long.toString(seconds));
    }

    /** Records {@code wait} as the duration rounded up to whole seconds, the unit of RFC 7240. */
    public PreferenceApplied waitTime(Duration wait) {
        if (wait.isNegative()) {
            throw new IllegalArgumentException("wait must not be negative, was " + wait);
        }
        return add("wait", RetryAfter.delaySeconds(wait));
    }

    /** Records {@code respond-async}. */
    public PreferenceApplied respondAsync() {
        return add("respond-async");
    }

    /** Records {@code return=representation} or {@code return=minimal}. */
    public PreferenceApplied returnPreference(ReturnPreference value) {
        return add("return", value.token());
    }

    /** Records {@code handling=strict} or {@code handling=lenient}. */
    public PreferenceApplied handling(HandlingPreference value) {
        return add("handling", value.token());
    }

    /** Whether nothing was recorded, in which case no header should be sent. */
    public boolean isEmpty() {
        return applied.isEmpty();
    }

    /** The field value, empty if nothing was recorded. */
    public String headerValue() {
        StringBuilder text = new StringBuilder();
        applied.forEach((name, value) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(name);
            if (!value.isEmpty()) {
                text.append('=').append(HttpSyntax.word(value));
            }
        });
        return text.toString();
    }

    /** Sets the header on the response, unless nothing was recorded. */
    public void setOn(HttpServletResponse response) {
        if (!isEmpty()) {
            response.setHeader(HEADER, headerValue());
        }
    }

    @Override
    public String toString() {
        return headerValue();
    }
}
