package dev.holdline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.testing.EmbeddedUndertow;
import io.undertow.servlet.Servlets;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The problem writer against a real Undertow response, fetched over HTTP. */
class ProblemWriterTest {

    static final Problem PROBLEM = ProblemTypes.defaults().problem("cursor-expired", 410)
            .title("Cursor expired")
            .detail("quote \" backslash \\ newline \n nul \u0000 sep \u2028 lone \uD800 caf\u00e9 \uD83D\uDE00")
            .instance(URI.create("/events/prices"))
            .extension("reason", "expired")
            .extension("events", List.of(1, 2.5, true))
            .extension("resync", Map.of("cursor", "e2.0"))
            .build();

    static final String PROBLEM_JSON = "{\"type\":\"https://holdline.dev/problems/cursor-expired\","
            + "\"title\":\"Cursor expired\",\"status\":410,"
            + "\"detail\":\"quote \\\" backslash \\\\ newline \\n nul \\u0000 sep \\u2028 lone \uFFFD caf\u00e9 \uD83D\uDE00\","
            + "\"instance\":\"/events/prices\",\"reason\":\"expired\",\"events\":[1,2.5,true],\"resync\":{\"cursor\":\"e2.0\"}}";

    private static EmbeddedUndertow undertow;

    /** Each path exercises one situation an application can call the writer in. */
    public static class ProblemServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            switch (request.getPathInfo()) {
                case "/plain" -> ProblemWriter.write(request, response, PROBLEM);
                case "/with-retry-after" -> {
                    RetryAfter.set(response, Duration.ofMillis(4200));
                    ProblemWriter.write(request, response, ProblemTypes.defaults().problem("over-capacity", 503).build());
                }
                case "/buffered-junk" -> {
                    response.setStatus(200);
                    response.getOutputStream().write("half a normal body".getBytes(StandardCharsets.UTF_8));
                    ProblemWriter.write(request, response, PROBLEM);
                }
                case "/writer-taken" -> {
                    response.getWriter().write("junk from the writer");
                    ProblemWriter.write(request, response, PROBLEM);
                }
                case "/committed" -> {
                    response.setContentType("text/plain");
                    response.getOutputStream().write("started;".getBytes(StandardCharsets.US_ASCII));
                    response.flushBuffer();
                    try {
                        ProblemWriter.write(request, response, PROBLEM);
                        response.getOutputStream().write("written".getBytes(StandardCharsets.US_ASCII));
                    } catch (IllegalStateException expected) {
                        response.getOutputStream().write(("refused: " + expected.getMessage()).getBytes(StandardCharsets.US_ASCII));
                    }
                }
                default -> response.sendError(404);
            }
        }
    }

    @BeforeAll
    static void deploy() throws Exception {
        undertow = EmbeddedUndertow.start(EmbeddedUndertow.deployment()
                .addServlet(Servlets.servlet("problems", ProblemServlet.class).addMapping("/problem/*")));
    }

    @AfterAll
    static void undeploy() throws Exception {
        undertow.close();
    }

    @Test
    void writesStatusContentTypeAndEscapedJson() throws Exception {
        HttpResponse<byte[]> response = undertow.sendForBytes(undertow.request("problem/plain").GET().build());
        assertEquals(410, response.statusCode());
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
        JsonWriterTest.assertValidUtf8(response.body());
        assertEquals(PROBLEM_JSON, new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(Optional.of(Long.toString(response.body().length)), response.headers().firstValue("Content-Length"));
    }

    @Test
    void writesNoBodyForHead() throws Exception {
        HttpResponse<byte[]> response = undertow.sendForBytes(undertow.request("problem/plain")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(410, response.statusCode());
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
        assertEquals(0, response.body().length);
        // Undertow announces the length of whatever the servlet wrote, even for HEAD: zero means nothing was.
        assertEquals("0", response.headers().firstValue("Content-Length").orElse("0"));
    }

    @Test
    void keepsHeadersSetBeforehand() throws Exception {
        HttpResponse<byte[]> response = undertow.sendForBytes(undertow.request("problem/with-retry-after").GET().build());
        assertEquals(503, response.statusCode());
        assertEquals(Optional.of("5"), response.headers().firstValue("Retry-After"));
        assertEquals("{\"type\":\"https://holdline.dev/problems/over-capacity\",\"status\":503}",
                new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void discardsOutputBufferedButNotYetSent() throws Exception {
        HttpResponse<byte[]> response = undertow.sendForBytes(undertow.request("problem/buffered-junk").GET().build());
        assertEquals(410, response.statusCode());
        assertEquals(PROBLEM_JSON, new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void fallsBackToAsciiJsonWhenTheWriterWasAlreadyTaken() throws Exception {
        HttpResponse<byte[]> response = undertow.sendForBytes(undertow.request("problem/writer-taken").GET().build());
        assertEquals(410, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        String body = new String(response.body(), StandardCharsets.US_ASCII);
        assertEquals(PROBLEM.toAsciiJson(), body);
        assertTrue(body.chars().allMatch(c -> c < 0x80), body);
        assertTrue(body.contains("caf\\u00e9 \\ud83d\\ude00"), body);
    }

    @Test
    void refusesACommittedResponse() throws Exception {
        HttpResponse<byte[]> response = undertow.sendForBytes(undertow.request("problem/committed").GET().build());
        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("text/plain"), response.headers().firstValue("Content-Type").map(v -> v.split(";")[0]));
        String body = new String(response.body(), StandardCharsets.US_ASCII);
        assertTrue(body.startsWith("started;refused: Cannot answer with problem https://holdline.dev/problems/cursor-expired"), body);
        assertTrue(body.contains("already committed"), body);
    }
}
