package dev.holdline.guard.ratelimit;

/** What a rate limit counts by: each distinct key value has a bucket of its own. */
public enum RateLimitKey {
    /**
     * The client's IP address: the peer's, or, when the peer is a configured trusted proxy, the right-most
     * untrusted hop of {@code X-Forwarded-For} (or {@code Forwarded}). Calls outside an HTTP request share
     * one bucket.
     */
    CLIENT_IP,
    /** The authenticated user's name; anonymous requests count by {@link #CLIENT_IP}. */
    PRINCIPAL,
    /** One bucket for every caller. */
    GLOBAL,
    /** The value of a named request header (such as an API key); requests without it count by {@link #CLIENT_IP}. */
    HEADER
}
