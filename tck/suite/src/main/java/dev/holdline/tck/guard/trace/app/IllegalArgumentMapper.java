package dev.holdline.tck.guard.trace.app;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Deployed: answers an {@link IllegalArgumentException} 409 with its class and message, to show it arrived unchanged. */
@Provider
public class IllegalArgumentMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException exception) {
        return Response.status(409).type(MediaType.TEXT_PLAIN)
                .entity(exception.getClass().getName() + " " + exception.getMessage()).build();
    }
}
