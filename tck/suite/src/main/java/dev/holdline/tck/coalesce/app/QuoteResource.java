package dev.holdline.tck.coalesce.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Deployed: {@code GET /api/quotes/{symbol}[/async|/impatient|/kept]} through the {@link Quotes} bean.
 * The upstream's base URI is the context-param {@value #UPSTREAM}.
 */
@RequestScoped
@Path("quotes/{symbol}")
@Produces(MediaType.TEXT_PLAIN)
public class QuoteResource {

    /** The context-param naming the upstream's base URI. */
    public static final String UPSTREAM = "tck.upstream";

    @Inject
    Quotes quotes;

    @Context
    ServletContext context;

    @GET
    public String quote(@PathParam("symbol") String symbol) throws IOException, InterruptedException {
        return quotes.quote(symbol, upstream());
    }

    /** No request thread is held while the upstream answers. */
    @GET
    @Path("async")
    public CompletionStage<String> quoteAsync(@PathParam("symbol") String symbol) {
        return quotes.quoteAsync(symbol, upstream(), UUID.randomUUID().toString());
    }

    @GET
    @Path("impatient")
    public String quoteImpatiently(@PathParam("symbol") String symbol) throws IOException, InterruptedException {
        return quotes.quoteImpatiently(symbol, upstream());
    }

    @GET
    @Path("kept")
    public String quoteKept(@PathParam("symbol") String symbol) throws IOException, InterruptedException {
        return quotes.quoteKept(symbol, upstream());
    }

    private URI upstream() {
        return URI.create(context.getInitParameter(UPSTREAM));
    }
}
