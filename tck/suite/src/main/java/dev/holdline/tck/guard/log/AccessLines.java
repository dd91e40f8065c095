package dev.holdline.tck.guard.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.holdline.tck.api.Timing;
import dev.holdline.tck.harness.HttpClients;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * The client side of the deployed access-log capture ({@code app.CapturedLines}, {@code app.LinesServlet}):
 * requests to the application and the lines they caused.
 */
final class AccessLines {

    static final Duration LIMIT = Timing.scaled(Duration.ofSeconds(10));

    private final URL base;
    private final HttpClient client = HttpClients.http11();

    AccessLines(URL base) {
        this.base = base;
    }

    /** A fresh path segment, so that a test finds its own lines. */
    static String marker(String hint) {
        return hint + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The context path of the deployment, such as {@code /gd-log}, without the trailing slash. */
    String contextPath() {
        String path = base.getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    HttpRequest.Builder request(String path) throws Exception {
        return HttpRequest.newBuilder(base.toURI().resolve(path)).timeout(LIMIT);
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until exactly {@code count} records contain {@code text}, and returns them; fails if a record
     * held a line break (the answer then has more lines than records).
     */
    List<String> awaitLines(String text, int count) throws Exception {
        URI lines = base.toURI().resolve("access-lines?containing=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        String[][] found = new String[1][];
        Awaitility.await("access-log lines containing " + text).atMost(LIMIT).until(() -> {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(lines).timeout(LIMIT).build());
            assertEquals(200, answer.statusCode(), answer::body);
            found[0] = answer.body().split("\n", -1);
            return found[0][0].equals("records=" + count);
        });
        List<String> records = Arrays.asList(found[0]).subList(1, found[0].length);
        assertEquals(count + 1, records.size(), () -> "one line per record, then the final LF: " + records);
        assertEquals("", records.get(count), "ends with LF");
        return records.subList(0, count);
    }
}
