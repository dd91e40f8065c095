package dev.holdline.coalesce.servlet;

import dev.holdline.http.EntityTag;
import dev.holdline.http.EntityTagCondition;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a captured response on a request's own response, after answering that request's own
 * {@code If-None-Match}.
 *
 * <p>A 304 carries what RFC 9110 section 15.4.5 asks of it: {@code ETag}, {@code Cache-Control},
 * {@code Expires}, {@code Vary} and {@code Content-Location} as the 200 would have had them, and the
 * container's own {@code Date}; no body and no other representation metadata. A full replay repeats every
 * field the leader's chain set except those that describe one connection or one message
 * ({@code Connection}, {@code Keep-Alive}, {@code Transfer-Encoding}, {@code TE}, {@code Trailer},
 * {@code Upgrade}, {@code Proxy-Connection}) and {@code Date} (the container dates each response); the
 * {@code Content-Length} is the body's own for GET; for HEAD, the leader's declared one, else the length
 * of what its chain wrote (Servlet 6 runs {@code doGet} for HEAD and the container drops the bytes).
 */
final class Replay {

    static final List<String> NOT_MODIFIED_FIELDS = List.of("ETag", "Cache-Control", "Expires", "Vary", "Content-Location");
    private static final Set<String> NOT_REPLAYED = Set.of("content-length", "content-type", "date", "connection", "keep-alive",
            "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade");

    private Replay() {
    }

    /**
     * Whether a request with this {@code If-None-Match} gets a 304 instead of this response: only a 2xx is
     * conditional (RFC 9110 section 13.2.1), compared weakly; {@code *} matches any 2xx.
     */
    static boolean notModified(int status, EntityTag current, EntityTagCondition condition) {
        return condition != null && status >= 200 && status < 300 && condition.matchesWeak(current, true);
    }

    static boolean hasBody(int status) {
        return status >= 200 && status != 204 && status != 304;
    }

    /** Writes a 304 from the fields {@code values} gives, on an uncommitted, reset response. */
    static void writeNotModified(HttpServletResponse target, Function<String, List<String>> values) {
        target.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        for (String name : NOT_MODIFIED_FIELDS) {
            for (String value : values.apply(name)) {
                target.addHeader(name, value);
            }
        }
    }

    /**
     * Answers a request from a captured response.
     *
     * @return whether the answer was a 304
     */
    static boolean write(CapturedResponse captured, HttpServletResponse target, boolean head, EntityTagCondition condition)
            throws IOException {
        if (notModified(captured.status(), captured.entityTag(), condition)) {
            writeNotModified(target, captured::values);
            return true;
        }
        target.setStatus(captured.status());
        if (captured.contentType() != null) {
            target.setContentType(captured.contentType());
        }
        for (HeaderRecord.Field field : captured.headers()) {
            if (NOT_REPLAYED.contains(field.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : field.values()) {
                target.addHeader(field.name(), value);
            }
        }
        if (!hasBody(captured.status())) {
            return false;
        }
        if (head) {
            target.setContentLengthLong(captured.declaredLength() >= 0 ? captured.declaredLength() : captured.body().length);
            return false;
        }
        target.setContentLengthLong(captured.body().length);
        if (captured.body().length > 0) {
            target.getOutputStream().write(captured.body());
        }
        return false;
    }
}
