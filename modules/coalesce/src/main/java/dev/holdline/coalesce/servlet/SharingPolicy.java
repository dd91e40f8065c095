package dev.holdline.coalesce.servlet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a captured response may be given to other requests. The rules are a shared cache's (RFC 9111),
 * narrowed to what a single origin can be sure of:
 *
 * <ul>
 *   <li>Statuses: those RFC 9110 section 15.1 calls heuristically cacheable (200, 203, 204, 300, 301, 308,
 *       404, 405, 410, 414, 501). Everything else runs per request; in particular 5xx other than 501 (a
 *       transient failure should be retried by each request, not multiplied), 3xx that are per request
 *       (302, 303, 307), and 206, 304 and 412, which answer one request's headers. The price is that a
 *       burst of followers behind a failing leader reaches the application; a guard in front of it, not a
 *       shared error, is the remedy for overload.</li>
 *   <li>{@code Set-Cookie} (or {@code Set-Cookie2}, or a session created by the leader): a cookie belongs to
 *       one client.</li>
 *   <li>{@code Cache-Control: private} (with or without field names) and {@code no-store}. {@code no-cache}
 *       is shared: it forbids reusing a stored response without revalidation, while coalesced requests are
 *       answered by a response produced after they all arrived.</li>
 *   <li>{@code Vary: *}; other {@code Vary} names are checked per follower (see {@link CapturedResponse}).</li>
 * </ul>
 */
final class SharingPolicy {

    static final Set<Integer> SHAREABLE_STATUSES = Set.of(200, 203, 204, 300, 301, 308, 404, 405, 410, 414, 501);

    private SharingPolicy() {
    }

    /** Why the response may not be shared, or null if it may. */
    static BypassReason judge(int status, HeaderRecord headers, boolean cookieSet) {
        if (cookieSet || headers.contains("set-cookie") || headers.contains("set-cookie2")) {
            return BypassReason.SET_COOKIE;
        }
        for (String directive : directives(headers.values("cache-control"))) {
            if (directive.equals("private") || directive.equals("no-store")) {
                return BypassReason.PRIVATE;
            }
        }
        if (!SHAREABLE_STATUSES.contains(status)) {
            return BypassReason.STATUS;
        }
        if (varyNames(headers.values("vary")).contains("*")) {
            return BypassReason.VARY;
        }
        return null;
    }

    /**
     * The directive names of {@code Cache-Control} field lines, lower-case. A comma inside a quoted argument
     * ({@code private="a, b"}) yields an extra bogus element, which can only make the verdict stricter.
     */
    static List<String> directives(List<String> lines) {
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            for (String element : line.split(",")) {
                int equals = element.indexOf('=');
                String name = (equals < 0 ? element : element.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The field names listed by {@code Vary} field lines, lower-case, {@code *} included as such. */
    static List<String> varyNames(List<String> lines) {
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            for (String element : line.split(",")) {
                String name = element.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
