package dev.holdline.reply;

import jakarta.servlet.http.HttpServlet;

/** Placeholder until the status monitor lands (branch reply-http). */
final class OperationStatusServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    OperationStatusServlet(ReplyRuntime runtime) {
    }
}
