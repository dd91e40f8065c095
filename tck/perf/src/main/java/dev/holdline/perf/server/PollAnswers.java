package dev.holdline.perf.server;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The answers of the bare and blocking endpoints: the generation as {@code ETag}, like Holdline's cursor. */
final class PollAnswers {

    private PollAnswers() {
    }

    static void event(HttpServletResponse response, long generation) throws IOException {
        byte[] body = ("{\"generation\":" + generation + "}").getBytes(StandardCharsets.US_ASCII);
        response.setStatus(200);
        response.setHeader("ETag", "\"" + generation + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static void notModified(HttpServletResponse response, long cursor) {
        response.setStatus(304);
        response.setHeader("ETag", "\"" + cursor + "\"");
    }
}
