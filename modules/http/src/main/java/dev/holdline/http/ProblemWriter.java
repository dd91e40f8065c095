package dev.holdline.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Answers a request with a {@link Problem}: the problem's status, {@code Content-Type:
 * application/problem+json} and the JSON body (none for {@code HEAD}).
 *
 * <p>Anything already buffered but not sent is discarded, since a problem appended to half a normal
 * body is useless; headers already set (such as {@code Retry-After}) are kept. A committed response can
 * no longer change its status, so writing to one is refused rather than silently producing a 200 with a
 * problem body stuck at its end.
 */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    /**
     * Writes the problem as the response.
     *
     * @throws IllegalStateException if the response is already committed
     * @throws IOException           if the client connection fails
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        if (response.isCommitted()) {
            throw new IllegalStateException("Cannot answer with problem " + problem.type() + " (status " + problem.status()
                    + "): the response is already committed with status " + response.getStatus());
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        ServletOutputStream out;
        try {
            out = response.getOutputStream();
        } catch (IllegalStateException writerAlreadyUsed) {
            // The application took the Writer, whose charset is fixed by now: ASCII-only JSON reads the
            // same in any charset a container would use.
            PrintWriter writer = response.getWriter();
            writer.write(problem.toAsciiJson());
            return;
        }
        byte[] body = problem.toJson().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        out.write(body);
    }
}
