package dev.holdline.longpoll.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.holdline.http.RetryAfter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The client runs where the Servlet API is absent: its classes and the holdline-http classes it uses
 * load, link (verified) and run in a class loader that sees only the two modules and the JDK.
 */
class WithoutServletApiTest {

    @Test
    void loadsAndRunsWithoutJakartaServlet() throws Exception {
        URL longpoll = LongPollClient.class.getProtectionDomain().getCodeSource().getLocation();
        URL http = RetryAfter.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {longpoll, http}, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> isolated.loadClass("jakarta.servlet.http.HttpServletResponse"));
            for (String name : new String[] {"dev.holdline.longpoll.client.LongPollClient", "dev.holdline.longpoll.client.LongPollClient$Builder",
                    "dev.holdline.http.JsonReader", "dev.holdline.longpoll.client.ClientEvent",
                    "dev.holdline.longpoll.client.LongPollException", "dev.holdline.http.RetryAfter", "dev.holdline.http.HttpDate"}) {
                Class.forName(name, true, isolated);
            }
            // Runs RetryAfter and HttpDate through the client, as a 503 would. (Reflecting on RetryAfter
            // itself would not do: getMethod resolves every signature, including set(HttpServletResponse, …).)
            Method delayOf = Class.forName("dev.holdline.longpoll.client.LongPollClient", true, isolated)
                    .getDeclaredMethod("retryAfterDelay", String.class, Instant.class);
            delayOf.setAccessible(true);
            Object delay = delayOf.invoke(null, "Sun, 06 Nov 1994 08:49:40 GMT", Instant.parse("1994-11-06T08:49:37Z"));
            assertEquals(Duration.ofSeconds(3), delayOf.invoke(null, "3", Instant.now()));
            assertEquals(Duration.ofSeconds(3), delay);
        }
    }
}
