package dev.holdline.perf.server;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code GET /quote/direct} and {@code GET /quote/coalesced}: reads the upstream named by the system
 * property {@value #UPSTREAM} (blocking, as most application code does) and answers its body. The
 * coalescing filter sits in front of {@code /quote/coalesced} only; without the property it answers 503.
 */
public final class QuoteServlet extends HttpServlet {

    /** The system property naming the upstream's URI. */
    public static final String UPSTREAM = "holdline.perf.upstream";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String upstream = System.getProperty(UPSTREAM);
        if (upstream == null) {
            response.sendError(503, "no upstream configured");
            return;
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(URI.create(upstream)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ServletException(interrupted);
        }
        response.setStatus(answer.statusCode());
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}
