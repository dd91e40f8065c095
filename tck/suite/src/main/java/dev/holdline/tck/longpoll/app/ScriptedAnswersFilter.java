package dev.holdline.tck.longpoll.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Deployed in front of the long-poll servlet ({@code /events/*}): logs every request in
 * {@link ScriptedAnswers} and, while the topic has scripted answers left, answers the next one itself
 * instead of passing the request on. This lets client tests see statuses the real server gives only in
 * hard-to-reach states (503 with a chosen {@code Retry-After}, 429, 500), and measure on the server
 * when each request arrived.
 *
 * <p>Requests with the header {@value #BYPASS} (the tests' own reads, such as asking for the current
 * cursor) are passed on untouched: not logged, and not answered from the script.
 *
 * <p>Log line: {@code <monotonic ms> <wall-clock epoch ms> <status> <cursor or -> <Retry-After or ->},
 * where the status (and {@code Retry-After}) is the scripted one, the servlet's when it answered
 * synchronously, or {@code async} when the request was parked.
 */
@WebFilter(urlPatterns = "/events/*", asyncSupported = true)
public class ScriptedAnswersFilter extends HttpFilter {

    /** A request header that makes the filter step aside. */
    public static final String BYPASS = "Holdline-Tck-Bypass";

    /** The IMF-fixdate of RFC 9110 (two-digit day, unlike {@code RFC_1123_DATE_TIME}). */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getHeader(BYPASS) != null) {
            chain.doFilter(request, response);
            return;
        }
        long monotonicMillis = System.nanoTime() / 1_000_000;
        long wallMillis = System.currentTimeMillis();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String topic = path.startsWith("/events/") ? path.substring("/events/".length()) : path;
        String cursor = request.getParameter("cursor");
        ScriptedAnswers answers = ScriptedAnswers.of(getServletContext());
        ScriptedAnswers.Answer scripted = answers.next(topic);
        String prefix = monotonicMillis + " " + wallMillis + " ";
        String suffix = " " + (cursor == null ? "-" : cursor);
        if (scripted == null) {
            chain.doFilter(request, response);
            boolean parked = request.isAsyncStarted();
            String status = parked ? "async" : Integer.toString(response.getStatus());
            String served = parked ? null : response.getHeader("Retry-After");
            answers.log(topic, prefix + status + suffix + " " + (served == null ? "-" : served.replace(' ', '_')));
            return;
        }
        String retryAfter = retryAfter(scripted.retryAfter(), wallMillis);
        // Logged before answering: the client can only ask again after reading the answer.
        answers.log(topic, prefix + scripted.status() + suffix + " " + (retryAfter == null ? "-" : retryAfter.replace(' ', '_')));
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Scripted by the TCK\",\"status\":" + scripted.status()
                + ",\"detail\":\"A scripted answer of the TCK's ScriptedAnswersFilter.\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(scripted.status());
        if (retryAfter != null) {
            response.setHeader("Retry-After", retryAfter);
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** {@code "date+N"} becomes the HTTP date N seconds after {@code nowMillis}; anything else is sent as is. */
    private static String retryAfter(String spec, long nowMillis) {
        if (spec == null || !spec.startsWith("date+")) {
            return spec;
        }
        Instant at = Instant.ofEpochMilli(nowMillis).plusSeconds(Long.parseLong(spec.substring("date+".length())));
        return HTTP_DATE.format(at.atOffset(ZoneOffset.UTC));
    }
}
