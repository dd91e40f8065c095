package dev.holdline.coalesce.servlet;

import dev.holdline.http.EntityTag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A leader's response that may be shared: status, content type (with the charset the leader's writer
 * used), every header field the chain set, the body, and what is needed to answer each request's own
 * {@code If-None-Match} and to check {@code Vary}.
 *
 * <p>{@code Vary} is honoured by comparison: for each field name it lists that is not already part of the
 * key, the leader's request values are kept, and a follower whose values differ runs the chain itself
 * ({@link BypassReason#VARY}). Names in the key are equal by construction.
 *
 * @param status         the status
 * @param contentType    the {@code Content-Type}, or null
 * @param headers        every field set by the chain except {@code Content-Type} and {@code Content-Length}
 * @param body           the body; for HEAD what the chain wrote, which only gives the length
 * @param declaredLength the {@code Content-Length} the chain declared, or -1; a HEAD answer repeats it
 * @param entityTag      the parsed {@code ETag}, or null if absent or malformed
 * @param varyValues     for each unkeyed {@code Vary} name (lower-case), the leader's request field lines
 */
record CapturedResponse(int status, String contentType, List<HeaderRecord.Field> headers, byte[] body,
        long declaredLength, EntityTag entityTag, Map<String, List<String>> varyValues) {

    CapturedResponse {
        Objects.requireNonNull(body, "body");
        headers = List.copyOf(headers);
        varyValues = Map.copyOf(varyValues);
    }

    /** The values of a field, case-insensitive; empty if absent. */
    List<String> values(String name) {
        for (HeaderRecord.Field field : headers) {
            if (field.name().equalsIgnoreCase(name)) {
                return field.values();
            }
        }
        return List.of();
    }

    /** Whether {@code follower} sends, for some header the response varies on, other values than the leader. */
    boolean variesFrom(HttpServletRequest follower) {
        for (Map.Entry<String, List<String>> vary : varyValues.entrySet()) {
            if (!vary.getValue().equals(RequestClassifier.values(follower, vary.getKey()))) {
                return true;
            }
        }
        return false;
    }

    /** Parses an {@code ETag} value, null if absent or malformed (a malformed one never matches). */
    static EntityTag entityTag(String value) {
        if (value == null) {
            return null;
        }
        try {
            return EntityTag.parse(value);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d %s, %d bytes", status, contentType, body.length);
    }
}
