package dev.holdline.longpoll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.holdline.longpoll.cditest.TopicsUser;
import dev.holdline.testing.EmbeddedUndertow;
import io.undertow.servlet.Servlets;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LP-1.5: with Weld Servlet booted by its own initializer, {@code @Inject Topics} is the application's instance. */
class CdiHttpTest {

    /** Looks the injecting bean up and compares what it got with {@link Topics#of}. */
    public static class ProbeServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Topics injected = CDI.current().select(TopicsUser.class).get().topics();
            Topics plain = Topics.of(request.getServletContext());
            String cursor = injected.publish("a", "via-cdi", "1");
            response.setContentType("text/plain");
            response.getOutputStream().write(("same=" + (injected == plain) + " cursor=" + cursor.substring(cursor.indexOf('.')))
                    .getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void injectsTheSameTopicsThatTopicsOfReturns() throws Exception {
        try (EmbeddedUndertow server = LongPollApps.start(Map.of("holdline.longpoll.topics", "a"), true,
                deployment -> deployment.addServlet(Servlets.servlet("probe", ProbeServlet.class).addMapping("/probe")))) {
            assertEquals("same=true cursor=.1", server.get("probe").body());
            assertEquals(200, server.get("events/a").statusCode());
        }
    }
}
