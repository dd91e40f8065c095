package dev.holdline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.holdline.testing.EmbeddedUndertow;
import io.undertow.servlet.Servlets;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading {@code Prefer} and conditional headers from real requests, several field lines included. */
class RequestHeadersTest {

    private static EmbeddedUndertow undertow;

    /** Echoes what the parsers made of the request, and answers with Preference-Applied. */
    public static class EchoServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Preferences preferences = Preferences.of(request);
            PreferenceApplied applied = new PreferenceApplied();
            preferences.waitTime().ifPresent(applied::waitTime);
            if (preferences.respondAsync()) {
                applied.respondAsync();
            }
            applied.setOn(response);
            String ifNoneMatch = EntityTagCondition.of(request, EntityTagCondition.IF_NONE_MATCH)
                    .map(EntityTagCondition::toString).orElse("none");
            response.setContentType("text/plain");
            response.getOutputStream().write(("prefer=" + preferences + "\nwaitMalformed=" + preferences.waitMalformed()
                    + "\nifNoneMatch=" + ifNoneMatch).getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    @BeforeAll
    static void deploy() throws Exception {
        undertow = EmbeddedUndertow.start(EmbeddedUndertow.deployment()
                .addServlet(Servlets.servlet("echo", EchoServlet.class).addMapping("/echo")));
    }

    @AfterAll
    static void undeploy() throws Exception {
        undertow.close();
    }

    @Test
    void readsEveryPreferFieldLine() throws Exception {
        HttpResponse<byte[]> response = undertow.sendForBytes(undertow.request("echo")
                .header("Prefer", "wait=10, bogus=\"")
                .header("Prefer", "Respond-Async")
                .header("Prefer", "wait=99")
                .header("If-None-Match", "W/\"a\", \"b,c\"")
                .header("If-None-Match", "\"d\"")
                .GET().build());
        assertEquals("prefer=wait=10, respond-async\nwaitMalformed=false\nifNoneMatch=W/\"a\", \"b,c\", \"d\"",
                new String(response.body(), StandardCharsets.ISO_8859_1));
        assertEquals(Optional.of("wait=10, respond-async"), response.headers().firstValue(PreferenceApplied.HEADER));
    }

    @Test
    void answersNoPreferenceAppliedWhenNothingWasHonoured() throws Exception {
        HttpResponse<byte[]> response = undertow.sendForBytes(undertow.request("echo").header("Prefer", "wait=soon").GET().build());
        assertEquals("prefer=wait=soon\nwaitMalformed=true\nifNoneMatch=none", new String(response.body(), StandardCharsets.ISO_8859_1));
        assertEquals(Optional.empty(), response.headers().firstValue(PreferenceApplied.HEADER));
    }
}
