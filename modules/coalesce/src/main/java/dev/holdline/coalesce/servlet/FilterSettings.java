package dev.holdline.coalesce.servlet;

import dev.holdline.http.Durations;
import dev.holdline.http.HeaderNames;
import dev.holdline.http.HoldlineFilterConfig;
import jakarta.servlet.FilterConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Every {@code holdline.coalesce.filter.*} setting of one {@link CoalescingFilter}, read once in
 * {@code init}. A key is looked up as a system property first (the operator's lever, as everywhere in
 * Holdline), then as an init-param of this filter, then as a servlet context init-param (which applies to
 * every coalescing filter of the application), then its default. A bad value throws an
 * {@link IllegalArgumentException} naming the key and where the value came from, which fails the filter's
 * initialisation and so the deployment.
 *
 * @param enabled         {@code false} makes the filter pass every request straight through
 * @param bufferLimit     the largest body, in bytes, that is captured and shared
 * @param waitTimeout     how long a follower waits for its leader before running the chain itself
 * @param keyByCredential whether requests with credentials are coalesced per credential (else bypass)
 * @param keyHeaders      extra request headers whose values are part of the key, lower-case
 */
record FilterSettings(boolean enabled, int bufferLimit, Duration waitTimeout, boolean keyByCredential, List<String> keyHeaders) {

    static final String PREFIX = "holdline.coalesce.filter.";
    static final String ENABLED = PREFIX + "enabled";
    static final String BUFFER_LIMIT = PREFIX + "buffer-limit";
    static final String WAIT_TIMEOUT = PREFIX + "wait-timeout";
    static final String KEY_BY_CREDENTIAL = PREFIX + "key-by-credential";
    static final String KEY_HEADERS = PREFIX + "key-headers";

    static final int DEFAULT_BUFFER_LIMIT = 1024 * 1024;
    static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofSeconds(10);
    /** One GiB: a larger buffer per key in flight is a configuration mistake, not a wish. */
    static final int MAX_BUFFER_LIMIT = 1 << 30;
    static final Duration MAX_WAIT_TIMEOUT = Duration.ofHours(1);

    FilterSettings {
        Objects.requireNonNull(waitTimeout, "waitTimeout");
        keyHeaders = List.copyOf(keyHeaders);
    }

    /** The defaults, as documented. */
    static FilterSettings defaults() {
        return new FilterSettings(true, DEFAULT_BUFFER_LIMIT, DEFAULT_WAIT_TIMEOUT, false, List.of());
    }

    static FilterSettings from(FilterConfig filterConfig) {
        HoldlineFilterConfig lookup = new HoldlineFilterConfig(filterConfig);
        boolean enabled = lookup.getBoolean(ENABLED, true);
        int bufferLimit = lookup.get(BUFFER_LIMIT, DEFAULT_BUFFER_LIMIT, "a number of bytes between 0 and " + MAX_BUFFER_LIMIT,
                text -> {
                    int parsed = Integer.parseInt(text);
                    if (parsed < 0 || parsed > MAX_BUFFER_LIMIT) {
                        throw new IllegalArgumentException(parsed + " is out of range");
                    }
                    return parsed;
                });
        Duration waitTimeout = lookup.get(WAIT_TIMEOUT, DEFAULT_WAIT_TIMEOUT,
                "a positive duration of at most 1h: " + Durations.ACCEPTED_FORMS, text -> {
                    Duration parsed = Durations.parse(text);
                    if (parsed.isZero() || parsed.compareTo(MAX_WAIT_TIMEOUT) > 0) {
                        throw new IllegalArgumentException(parsed + " is out of range");
                    }
                    return parsed;
                });
        boolean keyByCredential = lookup.getBoolean(KEY_BY_CREDENTIAL, false);
        List<String> keyHeaders = lookup.get(KEY_HEADERS, List.of(),
                "a comma-separated list of request header names", HeaderNames::parseList);
        return new FilterSettings(enabled, bufferLimit, waitTimeout, keyByCredential, keyHeaders);
    }

    /** For the start-up log line. */
    String describe() {
        return String.format(Locale.ROOT, "%sbuffer-limit %d bytes, wait-timeout %s, key-by-credential %s, key-headers %s",
                enabled ? "" : "DISABLED, ", bufferLimit, waitTimeout, keyByCredential, keyHeaders);
    }
}
