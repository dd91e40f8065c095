package dev.holdline.longpoll;

import dev.holdline.http.EntityTag;
import dev.holdline.http.PreferenceApplied;
import dev.holdline.http.Problem;
import dev.holdline.http.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * One complete answer to a long poll, built before it is written so that a body can be serialised once
 * and written to many parked requests.
 */
final class Reply {

    private final int status;
    private final String cursor;
    private final byte[] body;
    private final Problem problem;
    private final Map<String, String> headers;

    private Reply(int status, String cursor, byte[] body, Problem problem, Map<String, String> headers) {
        this.status = status;
        this.cursor = cursor;
        this.body = body;
        this.problem = problem;
        this.headers = headers;
    }

    /** {@code 200} with a serialised events document whose cursor is {@code cursor}. */
    static Reply events(String cursor, byte[] body) {
        return new Reply(HttpServletResponse.SC_OK, cursor, body, null, Map.of());
    }

    /** {@code 304}: nothing after {@code cursor}. */
    static Reply notModified(String cursor) {
        return new Reply(HttpServletResponse.SC_NOT_MODIFIED, cursor, null, null, Map.of());
    }

    /** A problem, with extra response headers such as {@code Retry-After}. */
    static Reply problem(Problem problem, Map<String, String> headers) {
        return new Reply(problem.status(), null, null, problem, headers);
    }

    int status() {
        return status;
    }

    /** The serialised body of a {@code 200}, null otherwise. */
    byte[] body() {
        return body;
    }

    /**
     * Writes the reply.
     *
     * @param preferenceApplied the {@code Preference-Applied} value for a 200 or 304, or null
     */
    void writeTo(HttpServletRequest request, HttpServletResponse response, String preferenceApplied) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        headers.forEach(response::setHeader);
        if (problem != null) {
            ProblemWriter.write(request, response, problem);
            return;
        }
        if (preferenceApplied != null) {
            response.setHeader(PreferenceApplied.HEADER, preferenceApplied);
        }
        response.setHeader(EntityTag.HEADER, EntityTag.strong(cursor).format());
        response.setStatus(status);
        if (body != null) {
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
