package dev.holdline.guard.jaxrs;

import dev.holdline.guard.GuardRejectedException;
import dev.holdline.guard.trace.GuardTelemetry;
import dev.holdline.http.HoldlineConfig;
import dev.holdline.http.Problem;
import dev.holdline.http.ProblemTypes;
import dev.holdline.http.RetryAfter;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Turns a guard's rejection thrown from a JAX-RS resource (by an interceptor on it or on a bean it
 * calls) into the same answer the servlet filters give: status, {@code Retry-After}, the guard's own
 * fields and an {@code application/problem+json} body.
 */
@Provider
public class GuardRejectedMapper implements ExceptionMapper<GuardRejectedException> {

    @Context
    private ServletContext servletContext;

    @Override
    public Response toResponse(GuardRejectedException rejection) {
        GuardTelemetry.rejected(rejection);
        ProblemTypes types = servletContext == null
                ? ProblemTypes.fromConfig(HoldlineConfig.systemPropertiesOnly())
                : ProblemTypes.fromConfig(HoldlineConfig.of(servletContext));
        Response.ResponseBuilder answer = Response.status(rejection.status())
                .type(Problem.MEDIA_TYPE)
                .entity(rejection.problem(types).toJson());
        rejection.retryAfter().ifPresent(delay -> answer.header(RetryAfter.HEADER, RetryAfter.delaySeconds(delay)));
        for (Map.Entry<String, String> field : rejection.headers().entrySet()) {
            answer.header(field.getKey(), field.getValue());
        }
        return answer.build();
    }
}
