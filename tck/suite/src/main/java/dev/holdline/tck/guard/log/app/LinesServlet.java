package dev.holdline.tck.guard.log.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Deployed: {@code GET /access-lines?containing=<text>} answers {@code records=<n>} and then the
 * {@code n} captured access-log records containing the text, each followed by one LF. A record that held a
 * line break itself would show as more lines than records.
 */
@WebServlet("/access-lines")
public class LinesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) getServletContext().getAttribute(CapturedLines.ATTRIBUTE);
        String containing = request.getParameter("containing");
        List<String> matching = lines.stream().filter(line -> containing == null || line.contains(containing)).toList();
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.print("records=" + matching.size() + "\n");
        for (String line : matching) {
            out.print(line + "\n");
        }
    }
}
