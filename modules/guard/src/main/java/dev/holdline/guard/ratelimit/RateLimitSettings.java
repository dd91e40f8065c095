package dev.holdline.guard.ratelimit;

import dev.holdline.http.Durations;
import dev.holdline.http.HoldlineConfig;
import dev.holdline.http.HoldlineFilterConfig;
import jakarta.servlet.FilterConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Every {@code holdline.guard.rate.*} setting of one {@link RateLimitFilter}, read once in {@code init}
 * (system property, filter init-param, context init-param, default). The client-address settings
 * ({@link #TRUSTED_PROXIES}, {@link #FORWARDED_HEADER}) are also read by {@code @RateLimited}, from context
 * init-params and system properties.
 *
 * @param enabled    {@code false} lets every request through
 * @param policy     limit, window and policy name
 * @param key        what is counted by
 * @param header     the header name with {@link RateLimitKey#HEADER}, else empty
 * @param addresses  how the client address is found
 * @param maxKeys    the most buckets kept at once
 * @param idleExpiry how long an unused bucket is kept
 */
record RateLimitSettings(boolean enabled, RateLimitPolicy policy, RateLimitKey key, String header, ClientAddresses addresses,
                         int maxKeys, Duration idleExpiry) {

    static final String PREFIX = "holdline.guard.rate.";
    static final String ENABLED = PREFIX + "enabled";
    static final String LIMIT = PREFIX + "limit";
    static final String WINDOW = PREFIX + "window";
    static final String KEY = PREFIX + "key";
    static final String HEADER = PREFIX + "header";
    static final String POLICY = PREFIX + "policy";
    static final String TRUSTED_PROXIES = PREFIX + "trusted-proxies";
    static final String FORWARDED_HEADER = PREFIX + "forwarded-header";
    static final String MAX_KEYS = PREFIX + "max-keys";
    static final String IDLE_EXPIRY = PREFIX + "idle-expiry";

    static final long DEFAULT_LIMIT = 100;
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    static final int MAX_MAX_KEYS = 10_000_000;
    private static final Duration MAX_DURATION = Duration.ofDays(1);
    private static final String POSITIVE_DURATION = "a positive duration of at most 24h: " + Durations.ACCEPTED_FORMS;

    RateLimitSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(idleExpiry, "idleExpiry");
    }

    static RateLimitSettings from(FilterConfig filterConfig) {
        HoldlineFilterConfig parameters = new HoldlineFilterConfig(filterConfig);
        boolean enabled = parameters.get(ENABLED, true, "'true' or 'false'", RateLimitSettings::bool);
        long limit = parameters.get(LIMIT, DEFAULT_LIMIT, "an integer of at least 1", text -> {
            long parsed = Long.parseLong(text);
            if (parsed < 1) {
                throw new IllegalArgumentException(parsed + " is below 1");
            }
            return parsed;
        });
        Duration window = parameters.get(WINDOW, DEFAULT_WINDOW, POSITIVE_DURATION, RateLimitSettings::positiveDuration);
        String policyName = parameters.get(POLICY, RateLimitPolicy.DEFAULT_NAME, "non-empty printable ASCII", text -> {
            new RateLimitPolicy(text, 1, Duration.ofSeconds(1));
            return text;
        });
        RateLimitKey key = parameters.get(KEY, RateLimitKey.CLIENT_IP, "CLIENT_IP, PRINCIPAL, GLOBAL or HEADER",
                text -> RateLimitKey.valueOf(text.toUpperCase(Locale.ROOT)));
        String header = parameters.get(HEADER, "", "a header name", RateLimitSettings::headerName);
        if (key == RateLimitKey.HEADER && header.isEmpty()) {
            throw new IllegalArgumentException("Invalid configuration " + KEY + ": HEADER needs " + HEADER
                    + " (filter '" + filterConfig.getFilterName() + "')");
        }
        TrustedProxies trusted = parameters.get(TRUSTED_PROXIES, TrustedProxies.none(),
                "a comma-separated list of IP addresses and CIDR blocks", TrustedProxies::parse);
        ForwardedHeader forwarded = parameters.get(FORWARDED_HEADER, ForwardedHeader.X_FORWARDED_FOR,
                "X-Forwarded-For or Forwarded", ForwardedHeader::byFieldName);
        int maxKeys = parameters.get(MAX_KEYS, RateLimitPolicy.DEFAULT_MAX_KEYS, "an integer between 1 and " + MAX_MAX_KEYS,
                text -> {
                    int parsed = Integer.parseInt(text);
                    if (parsed < 1 || parsed > MAX_MAX_KEYS) {
                        throw new IllegalArgumentException(parsed + " is out of range");
                    }
                    return parsed;
                });
        Duration idleExpiry = parameters.get(IDLE_EXPIRY, window, POSITIVE_DURATION, RateLimitSettings::positiveDuration);
        return new RateLimitSettings(enabled, new RateLimitPolicy(policyName, limit, window), key,
                key == RateLimitKey.HEADER ? header : "", new ClientAddresses(trusted, forwarded), maxKeys, idleExpiry);
    }

    /**
     * The client-address settings of an application, for {@code @RateLimited}: context init-params and
     * system properties.
     */
    static ClientAddresses addresses(HoldlineConfig config) {
        TrustedProxies trusted = config.get(TRUSTED_PROXIES, TrustedProxies.none(),
                "a comma-separated list of IP addresses and CIDR blocks", TrustedProxies::parse);
        ForwardedHeader forwarded = config.get(FORWARDED_HEADER, ForwardedHeader.X_FORWARDED_FOR,
                "X-Forwarded-For or Forwarded", ForwardedHeader::byFieldName);
        return new ClientAddresses(trusted, forwarded);
    }

    /** For the start-up log line. */
    String describe() {
        return String.format(Locale.ROOT, "%s%s per %s (policy \"%s\"), key %s, %s, max-keys %d, idle-expiry %s",
                enabled ? "" : "DISABLED, ", policy.limit(), policy.window(), policy.name(),
                key == RateLimitKey.HEADER ? "HEADER(" + header + ")" : key, addresses, maxKeys, idleExpiry);
    }

    private static Duration positiveDuration(String text) {
        Duration parsed = Durations.parse(text);
        if (parsed.isZero() || parsed.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(parsed + " is out of range");
        }
        return parsed;
    }

    private static Boolean bool(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static String headerName(String text) {
        if (!text.isEmpty() && !text.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new IllegalArgumentException("'" + text + "' is not a header name");
        }
        return text;
    }
}
