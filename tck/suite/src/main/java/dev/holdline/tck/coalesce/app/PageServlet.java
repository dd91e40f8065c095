package dev.holdline.tck.coalesce.app;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deployed behind the coalescing filter: {@code GET <mapping>/<page>[?query]} reads
 * {@code pages/<page>[?query]} from the upstream and answers its status and body, with the upstream's
 * {@code ETag}, {@code Cache-Control}, {@code Set-Cookie} and {@code X-Upstream} headers, plus
 * {@code X-Execution}: the number of this run of the servlet, so that clients can tell a replay from a
 * run of their own. With {@code Authorization}, the body ends with {@code " for <credential>"}. The query
 * {@code throw=1} makes it throw after reading the upstream. {@code POST} does the same as {@code GET}.
 */
@WebServlet(urlPatterns = {"/co-app/pages/*", "/co-app/impatient/*", "/co-app/private/*"}, asyncSupported = true)
public class PageServlet extends HttpServlet {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<String> PASSED_ON = List.of("ETag", "Cache-Control", "Set-Cookie", "X-Upstream");

    private final AtomicInteger executions = new AtomicInteger();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        int execution = executions.incrementAndGet();
        String query = request.getQueryString();
        URI upstream = URI.create(getServletContext().getInitParameter("tck.upstream"))
                .resolve("pages" + request.getPathInfo() + (query == null ? "" : "?" + query));
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(HttpRequest.newBuilder(upstream).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ServletException(interrupted);
        }
        if (query != null && query.contains("throw=1")) {
            throw new ServletException("thrown by the TCK's PageServlet after reading " + upstream);
        }
        response.setStatus(answer.statusCode());
        for (String name : PASSED_ON) {
            answer.headers().allValues(name).forEach(value -> response.addHeader(name, value));
        }
        response.setHeader("X-Execution", Integer.toString(execution));
        String credential = request.getHeader("Authorization");
        byte[] body = (answer.body() + (credential == null ? "" : " for " + credential)).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        doGet(request, response);
    }
}
