package dev.holdline.tck.longpoll.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Deployed with {@link TaggedEventLogs}: plays another node of a shared log. {@code POST
 * /lp-app/elsewhere?topic=&type=} with JSON data as body appends straight to the topic's log, bypassing
 * {@code Topics.publish}, then runs the log's wake-up callback; answers the new position, or {@code 404}
 * when no such log was made.
 */
@WebServlet("/lp-app/elsewhere")
public class ElsewhereServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TaggedEventLog log = TaggedEventLogs.of(request.getParameter("topic"));
        if (log == null) {
            Text.write(response, 404, "no log made for that topic");
            return;
        }
        String data = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Text.write(response, 200, Long.toString(log.appendElsewhere(request.getParameter("type"), data)));
    }
}
