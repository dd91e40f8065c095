package dev.holdline.tck.longpoll.app;

import dev.holdline.longpoll.Topics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Deployed: drives {@link TopicsUser} (CDI). {@code POST /lp-app/cdi?topic=} declares the topic through
 * the injected {@code Topics} and publishes one event {@code cdi} with data {@code {"via":"cdi"}}
 * through it, then answers {@code <declared-visible-to-Topics.of> <cursor>}, e.g. {@code true 3f.1}.
 * {@code 503} when nothing was injected.
 */
@WebServlet("/lp-app/cdi")
public class InjectedTopicsServlet extends HttpServlet {

    @Inject
    TopicsUser user;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (user == null || !user.injected()) {
            Text.write(response, 503, "no CDI injection: user=" + user);
            return;
        }
        String topic = request.getParameter("topic");
        user.declare(topic);
        boolean visible = Topics.of(getServletContext()).definition(topic).isPresent();
        String cursor = user.publish(topic, "cdi", "{\"via\":\"cdi\"}");
        Text.write(response, 200, visible + " " + cursor);
    }
}
