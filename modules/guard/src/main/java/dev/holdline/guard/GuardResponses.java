package dev.holdline.guard;

import dev.holdline.guard.trace.GuardTelemetry;
import dev.holdline.http.ProblemTypes;
import dev.holdline.http.ProblemWriter;
import dev.holdline.http.RetryAfter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Writes a {@link GuardRejectedException} as the servlet response: the filter twins' side of the one
 * answer the JAX-RS mapper also gives ({@code Retry-After}, the guard's own fields, the problem body).
 */
public final class GuardResponses {

    private GuardResponses() {
    }

    /**
     * Answers with the rejection.
     *
     * @throws IllegalStateException if the response is already committed
     * @throws IOException           if the client connection fails
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, GuardRejectedException rejection,
                             ProblemTypes types) throws IOException {
        if (response.isCommitted()) {
            throw new IllegalStateException("Cannot answer " + rejection.status() + " " + rejection.problemName()
                    + ": the response is already committed", rejection);
        }
        GuardTelemetry.rejected(rejection);
        response.resetBuffer();
        rejection.retryAfter().ifPresent(delay -> RetryAfter.set(response, delay));
        for (Map.Entry<String, String> field : rejection.headers().entrySet()) {
            response.setHeader(field.getKey(), field.getValue());
        }
        ProblemWriter.write(request, response, rejection.problem(types));
    }
}
