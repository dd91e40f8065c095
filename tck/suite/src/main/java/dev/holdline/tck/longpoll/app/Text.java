package dev.holdline.tck.longpoll.app;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Deployed: writes the plain-text answers of the helper servlets. */
public final class Text {

    private Text() {
    }

    /** Writes {@code text} as the whole UTF-8 body with {@code status}. */
    public static void write(HttpServletResponse response, int status, String text) throws IOException {
        byte[] bytes = String.valueOf(text).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
