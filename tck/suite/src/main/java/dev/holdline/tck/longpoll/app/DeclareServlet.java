package dev.holdline.tck.longpoll.app;

import dev.holdline.longpoll.TopicDefinition;
import dev.holdline.longpoll.TopicKind;
import dev.holdline.longpoll.Topics;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Deployed: declares topics and reads their definitions through {@code Topics.of(ServletContext)}.
 * {@code POST /lp-app/declare?topic=&kind=stream|state[&retainCount=n][&retainAgeMs=ms]} declares a
 * topic (the defaults of {@code TopicDefinition.stream/state} for what is not given) and answers
 * {@code 204}; {@code GET /lp-app/declare?topic=} answers {@code <kind> <retainCount> <retainAge>} or
 * {@code 404} when the topic is not declared.
 */
@WebServlet("/lp-app/declare")
public class DeclareServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("topic");
        boolean state = "state".equals(request.getParameter("kind"));
        TopicDefinition defaults = state ? TopicDefinition.state(name) : TopicDefinition.stream(name);
        String count = request.getParameter("retainCount");
        String ageMs = request.getParameter("retainAgeMs");
        TopicDefinition definition = new TopicDefinition(name, state ? TopicKind.STATE : TopicKind.STREAM,
                count == null ? defaults.retainCount() : Integer.parseInt(count),
                ageMs == null ? defaults.retainAge() : Duration.ofMillis(Long.parseLong(ageMs)));
        try {
            Topics.of(getServletContext()).declare(definition);
        } catch (RuntimeException refused) {
            Text.write(response, 422, refused.getClass().getName() + ": " + refused.getMessage());
            return;
        }
        response.setStatus(204);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<TopicDefinition> definition = Topics.of(getServletContext()).definition(request.getParameter("topic"));
        if (definition.isEmpty()) {
            Text.write(response, 404, "undeclared");
            return;
        }
        TopicDefinition found = definition.get();
        Text.write(response, 200, found.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + found.retainCount() + " " + found.retainAge());
    }
}
