package dev.holdline.coalesce.servlet;

/**
 * Why a request ran the filter chain itself instead of sharing another request's execution. The first
 * group is decided from the request alone, before it looks for a leader; the second is decided for a
 * follower once its leader's outcome is known (or is not known in time).
 *
 * <p>When a follower runs the chain itself, the reason's name is left in the request attribute
 * {@link CoalescingFilter#BYPASS_ATTRIBUTE}, for the application's logs.
 */
public enum BypassReason {

    /** Not a GET or HEAD request: only safe methods are coalesced. */
    METHOD,
    /**
     * The request carries {@code Authorization}, {@code Proxy-Authorization} or {@code Cookie} and the
     * filter is not configured to key by credential: its answer may be personal.
     */
    CREDENTIALS,
    /** The request carries {@code Range}: partial responses are left to the application. */
    RANGE,
    /**
     * The request carries {@code If-Match}, {@code If-Unmodified-Since}, {@code If-Range}, or
     * {@code If-Modified-Since} without {@code If-None-Match}: preconditions the filter does not evaluate.
     */
    CONDITIONAL,
    /** The request's {@code If-None-Match} is malformed: the application decides what that means. */
    MALFORMED_CONDITION,
    /** A GET or HEAD request with content ({@code Content-Length} or {@code Transfer-Encoding}). */
    REQUEST_BODY,
    /** The request cannot be parked: some filter or the servlet of its mapping is not async-supported. */
    ASYNC_UNSUPPORTED,

    /** The leader's response sets a cookie ({@code Set-Cookie}, or a new session was created). */
    SET_COOKIE,
    /** The leader's response says {@code Cache-Control: private} or {@code no-store}. */
    PRIVATE,
    /** The leader's status is not one this filter shares (see {@link CoalescingFilter}). */
    STATUS,
    /** The leader's body exceeded the buffer limit. */
    TOO_LARGE,
    /**
     * The leader's response was not written through the filter's wrapper: {@code sendError} (the
     * container writes the error page), {@code sendRedirect}, or trailer fields.
     */
    NOT_CAPTURED,
    /** The leader's response says {@code Vary: *}, or varies on a request header whose value differs here. */
    VARY,
    /** The leader went asynchronous; its answer is written outside the filter's view. */
    ASYNC_LEADER,
    /** The leader's chain threw. */
    LEADER_FAILED,
    /** The follower waited the whole wait timeout for its leader. */
    FOLLOWER_TIMEOUT,
    /** The filter was taken out of service while the follower was parked. */
    SHUTDOWN
}
