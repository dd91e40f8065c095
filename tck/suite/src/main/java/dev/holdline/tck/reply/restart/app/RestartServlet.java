package dev.holdline.tck.reply.restart.app;

import dev.holdline.reply.Operation;
import dev.holdline.reply.Operations;
import dev.holdline.reply.SubmissionRefusedException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code POST /submit?kind=...&input=...} answers the new operation's id (or the refusal's status);
 * {@code POST /hold} makes operations wait until interrupted; {@code GET /running} counts those waiting.
 */
@WebServlet({"/submit", "/hold", "/running"})
public class RestartServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        if (request.getServletPath().equals("/hold")) {
            HoldingTask.HOLDING.set(true);
            response.setStatus(204);
            return;
        }
        try {
            Operation operation = Operations.of(getServletContext()).submit(request, request.getParameter("kind"),
                    request.getParameter("input"), HoldingTask::run);
            response.setStatus(202);
            response.getWriter().write(operation.id());
        } catch (SubmissionRefusedException refused) {
            response.setStatus(refused.problem().status());
            response.getWriter().write(refused.problem().toJson());
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(Integer.toString(HoldingTask.RUNNING.get()));
    }
}
