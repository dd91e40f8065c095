package dev.holdline.tck.longpoll.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Deployed: drives {@link ScriptedAnswersFilter}. {@code POST /lp-app/scripted?topic=&answer=503:1&answer=500}
 * queues answers for the next requests to the topic (see {@link ScriptedAnswers.Answer#parse}) and
 * answers {@code 204}; {@code GET /lp-app/scripted?topic=} answers the topic's request log, one line
 * per request (format in {@link ScriptedAnswersFilter}).
 */
@WebServlet("/lp-app/scripted")
public class ScriptedAnswersServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] answers = request.getParameterValues("answer");
        ScriptedAnswers.of(getServletContext()).script(request.getParameter("topic"),
                answers == null ? List.of() : Arrays.asList(answers));
        response.setStatus(204);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Text.write(response, 200, String.join("\n", ScriptedAnswers.of(getServletContext()).log(request.getParameter("topic"))));
    }
}
