package dev.holdline.tck.coalesce.app;

import dev.holdline.coalesce.CoalescedWaitTimeoutException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.CompletionException;

/**
 * Deployed: shows each caller which exception it got. {@code 504} for a caller that stopped waiting,
 * {@code 502} for anything else, with the body {@code <class> <identity hash> <message>} so that callers
 * can check they were handed the same exception object.
 */
@Provider
public class FailureMapper implements ExceptionMapper<Exception> {

    @Override
    public Response toResponse(Exception exception) {
        Throwable failure = exception instanceof CompletionException && exception.getCause() != null ? exception.getCause() : exception;
        int status = failure instanceof CoalescedWaitTimeoutException ? 504 : 502;
        return Response.status(status).type(MediaType.TEXT_PLAIN)
                .entity(failure.getClass().getName() + " " + System.identityHashCode(failure) + " " + failure.getMessage())
                .build();
    }
}
