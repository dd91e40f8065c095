package dev.holdline.tck.longpoll.app;

import dev.holdline.longpoll.Topics;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Deployed: publishes through {@code Topics.of(ServletContext)}. {@code POST /lp-app/publish?topic=&type=}
 * with the JSON data as body answers {@code 200} and the new cursor as plain text; with {@code &count=n}
 * it publishes {@code n} events whose data is {@code {"n":<i>}} (i from 1) and answers the last cursor.
 * An {@link IllegalArgumentException} from {@code publish} is answered {@code 422} with its class name
 * and message, any other exception {@code 500}.
 */
@WebServlet("/lp-app/publish")
public class PublishServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String topic = request.getParameter("topic");
        String type = request.getParameter("type");
        String count = request.getParameter("count");
        Topics topics = Topics.of(getServletContext());
        String cursor;
        try {
            if (count == null) {
                String data = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                cursor = topics.publish(topic, type, data);
            } else {
                cursor = null;
                int n = Integer.parseInt(count);
                for (int i = 1; i <= n; i++) {
                    cursor = topics.publish(topic, type, "{\"n\":" + i + "}");
                }
            }
        } catch (IllegalArgumentException refused) {
            Text.write(response, 422, refused.getClass().getName() + ": " + refused.getMessage());
            return;
        } catch (RuntimeException other) {
            Text.write(response, 500, other.getClass().getName() + ": " + other.getMessage());
            return;
        }
        Text.write(response, 200, cursor);
    }
}
