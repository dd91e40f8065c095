package dev.holdline.tck.longpoll;

import static dev.holdline.tck.longpoll.LongPollHttp.SLACK;
import static dev.holdline.tck.longpoll.LongPollHttp.assertProblem;
import static dev.holdline.tck.longpoll.LongPollHttp.assertWithin;
import static dev.holdline.tck.longpoll.LongPollHttp.enc;
import static dev.holdline.tck.longpoll.LongPollHttp.since;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.holdline.tck.api.Assertion;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LP-5: malformed and hostile requests. Each case of {@link #hostileRequestIsRefusedWith4xx} is one
 * request; the report numbers the runs in the order of {@link #hostileRequests()} and every failure
 * message starts with the case's name. All are answered 4xx within slack, never 5xx, never left hanging, and
 * never echo a control character into a response header.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LongPollInputTest {

    private static final String STREAM = "input-stream";
    private static final String STATE = "input-state";
    private static final String TEN_KB = "t".repeat(10 * 1024);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LongPollWars.war("lp-input", Map.of("holdline.longpoll.topics", STREAM + "," + STATE + ":state"));
    }

    @ArquillianResource
    URL base;

    /**
     * One hostile request: a path-and-query under the mapping (given the stream topic's current
     * cursor), optional headers, the method, the status expected ({@code 0}: any 4xx) and the problem
     * type name expected when the application answers ({@code null}: whatever the container says).
     */
    record Case(String name, UnaryOperator<String> target, String[] headers, String method, int status, String type) {

        static Case get(String name, UnaryOperator<String> target, int status, String type, String... headers) {
            return new Case(name, target, headers, "GET", status, type);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> hostileRequests() {
        String s = STREAM + "?";
        return Stream.of(
                Case.get("wait negative", c -> s + "wait=-1&cursor=" + c, 400, "malformed-wait"),
                Case.get("wait not a number", c -> s + "wait=soon&cursor=" + c, 400, "malformed-wait"),
                Case.get("wait fraction", c -> s + "wait=1.5s&cursor=" + c, 400, "malformed-wait"),
                Case.get("wait unknown unit", c -> s + "wait=30x&cursor=" + c, 400, "malformed-wait"),
                Case.get("wait over 24 hours", c -> s + "wait=86401&cursor=" + c, 400, "malformed-wait"),
                Case.get("wait huge", c -> s + "wait=99999999999999999999999&cursor=" + c, 400, "malformed-wait"),
                Case.get("wait with CRLF injection", c -> s + "wait=1%0d%0aX-Injected:%20yes&cursor=" + c, 400, "malformed-wait"),
                Case.get("limit zero", c -> s + "limit=0&cursor=" + c, 400, "malformed-limit"),
                Case.get("limit negative", c -> s + "limit=-5&cursor=" + c, 400, "malformed-limit"),
                Case.get("limit not a number", c -> s + "limit=lots&cursor=" + c, 400, "malformed-limit"),
                Case.get("limit above maximum", c -> s + "limit=1001&cursor=" + c, 400, "malformed-limit"),
                Case.get("limit huge", c -> s + "limit=99999999999999999999999&cursor=" + c, 400, "malformed-limit"),
                Case.get("limit decimal", c -> s + "limit=1e3&cursor=" + c, 400, "malformed-limit"),
                Case.get("cursor garbage", c -> s + "cursor=garbage", 400, "malformed-cursor"),
                Case.get("cursor without position", c -> s + "cursor=1.", 400, "malformed-cursor"),
                Case.get("cursor without epoch", c -> s + "cursor=.5", 400, "malformed-cursor"),
                Case.get("cursor position not a number", c -> s + "cursor=1.x", 400, "malformed-cursor"),
                Case.get("cursor negative position", c -> s + "cursor=1.-5", 400, "malformed-cursor"),
                Case.get("cursor three parts", c -> s + "cursor=1.2.3", 400, "malformed-cursor"),
                Case.get("cursor non-ASCII", c -> s + "cursor=%C3%BC.1", 400, "malformed-cursor"),
                Case.get("cursor with CRLF injection", c -> s + "cursor=" + c + "%0d%0aX-Injected:%20yes", 400, "malformed-cursor"),
                Case.get("cursor of 2 KB", c -> s + "cursor=" + "9".repeat(2048), 0, "malformed-cursor"),
                Case.get("If-None-Match not a cursor", c -> STREAM, 400, "malformed-cursor", "If-None-Match", "\"garbage\""),
                Case.get("cursor from the future", c -> s + "wait=0&cursor=" + LongPollHttp.future(c, 1000), 410, "cursor-expired"),
                Case.get("cursor of another epoch", c -> s + "wait=0&cursor=" + LongPollHttp.foreignEpoch(c), 410, "cursor-expired"),
                Case.get("undeclared topic", c -> "never-declared-" + System.nanoTime(), 404, "unknown-topic"),
                Case.get("topic with forbidden characters", c -> "bad%20topic!", 400, "malformed-topic"),
                Case.get("topic of 129 characters", c -> "a".repeat(129), 400, "malformed-topic"),
                Case.get("topic of 10 KB", c -> TEN_KB, 0, "malformed-topic"),
                Case.get("topic with CRLF injection", c -> "x%0d%0aX-Injected:%20yes", 0, "malformed-topic"),
                Case.get("topic with a slash", c -> "a%2Fb", 0, "malformed-topic"),
                Case.get("topic path with two segments", c -> STREAM + "/extra", 0, "malformed-topic"),
                Case.get("empty topic", c -> "", 0, "malformed-topic"),
                Case.get("Prefer with CRLF-like junk is ignored, ?wait malformed", c -> s + "wait=-0.5&cursor=" + c, 400, "malformed-wait",
                        "Prefer", "wait=\"1\\r\\nX-Injected: yes\""),
                new Case("POST", c -> STREAM, new String[0], "POST", 405, null),
                new Case("PUT", c -> STREAM, new String[0], "PUT", 405, null),
                new Case("DELETE", c -> STREAM, new String[0], "DELETE", 405, null),
                new Case("PATCH", c -> STREAM, new String[0], "PATCH", 405, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    @Assertion({"LP-5.1", "LP-5.2", "LP-5.3", "LP-5.4", "LP-5.5", "LP-5.6", "LP-5.7", "LP-5.8"})
    void hostileRequestIsRefusedWith4xx(Case hostile) throws Exception {
        try {
            check(hostile);
        } catch (AssertionError failed) {
            // The report names parameterized runs by index only: every failure names its case.
            throw new AssertionError("[" + hostile + "] " + failed.getMessage(), failed);
        }
    }

    private void check(Case hostile) throws Exception {
        LongPollHttp client = new LongPollHttp(base);
        String cursor = client.currentCursor(STREAM);
        HttpRequest.Builder builder = client.request(client.events(hostile.target().apply(cursor)),
                SLACK.plus(LongPollHttp.SHORT), hostile.headers());
        HttpRequest request = hostile.method().equals("GET") ? builder.GET().build()
                : builder.method(hostile.method(), hostile.method().equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}")).build();
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = client.http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException hang) {
            fail("LP-5.7: " + hostile + " left unanswered for " + since(start).toMillis() + " ms");
            return;
        }
        Duration took = since(start);
        int status = response.statusCode();
        assertTrue(status < 500, () -> "LP-5.7: " + hostile + " answered " + status + ": " + response.body());
        assertTrue(status >= 400, () -> hostile + " answered " + status + ", expected 4xx: " + response.body());
        assertWithin("LP-5.7: the answer to " + hostile, took, Duration.ZERO, SLACK);
        assertNoInjectedHeader(response);

        if (hostile.status() != 0) {
            assertEquals(hostile.status(), status, () -> hostile + ": " + response.body());
        }
        boolean problem = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT)
                .startsWith("application/problem+json");
        if (hostile.status() == 405) {
            List<String> allowed = response.headers().allValues("Allow").stream()
                    .flatMap(value -> Arrays.stream(value.split(","))).map(String::trim).toList();
            assertTrue(allowed.contains("GET"), "LP-5.5: Allow lists GET, was " + allowed);
            assertFalse(allowed.contains(hostile.method()), "LP-5.5: Allow does not list " + hostile.method() + ", was " + allowed);
        } else if (hostile.type() != null && (hostile.status() != 0 || problem)) {
            // A container may refuse some paths before the application sees them (LP-5.4); the application's answer is a problem.
            JsonPath body = assertProblem(response, status, hostile.type());
            if (hostile.type().equals("cursor-expired")) {
                assertEquals("reset", body.getString("reason"));
            }
        }
    }

    @Test
    @Assertion({"LP-4.2", "LP-4.3", "LP-5.1"})
    void stateTopicIgnoresOutdatedCursorsButNotMalformedOnes() {
        LongPollHttp client = new LongPollHttp(base);
        String current = client.currentCursor(STATE);
        HttpResponse<String> future = client.get(STATE + "?wait=0&cursor=" + enc(LongPollHttp.future(current, 1000)));
        assertEquals(200, future.statusCode(), future::body);
        assertProblem(client.get(STATE + "?wait=0&cursor=garbage"), 400, "malformed-cursor");
    }

    @Test
    @Assertion({"LP-5.6", "LP-5.7"})
    void controlCharactersInRequestHeadersNeverReachResponseHeaders() throws Exception {
        LongPollHttp client = new LongPollHttp(base);
        String cursor = client.currentCursor(STREAM);
        URI target = client.events(STREAM + "?wait=0");
        Map<String, String> hostileHeaders = Map.of(
                "If-None-Match", "\"" + cursor + "\u0001\u001b[31m\"",
                "Prefer", "wait=0\u000b;x=\u007f",
                "X-Forwarded-For", "\u0000");
        for (Map.Entry<String, String> header : hostileHeaders.entrySet()) {
            String request = "GET " + target.getRawPath() + "?" + target.getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: " + target.getHost() + ":" + target.getPort() + "\r\n"
                    + header.getKey() + ": " + header.getValue() + "\r\n"
                    + "Connection: close\r\n\r\n";
            long start = System.nanoTime();
            String head;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), (int) LongPollHttp.SHORT.toMillis());
                socket.setSoTimeout((int) SLACK.plusSeconds(1).toMillis());
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                head = readHead(socket.getInputStream());
            } catch (SocketTimeoutException hang) {
                fail("LP-5.7: no answer to a control character in " + header.getKey());
                return;
            }
            assertWithin("LP-5.7: the answer to a control character in " + header.getKey(), since(start), Duration.ZERO, SLACK);
            String[] lines = head.split("\r\n");
            assertTrue(lines[0].matches("HTTP/1\\.1 [1-4]\\d\\d.*"), "LP-5.7: " + header.getKey() + " answered " + lines[0]);
            for (String line : lines) {
                assertFalse(line.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f),
                        "LP-5.6: a control character of " + header.getKey() + " reached the response header line " + line);
            }
        }
    }

    /** Reads up to the end of the response head (the empty line), or to the end of the stream. */
    private static String readHead(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    private static void assertNoInjectedHeader(HttpResponse<String> response) {
        response.headers().map().forEach((name, values) -> {
            assertFalse(name.toLowerCase(Locale.ROOT).contains("injected"), "LP-5.6: header injected: " + name);
            for (String value : values) {
                assertFalse(value.contains("\r") || value.contains("\n") || value.toLowerCase(Locale.ROOT).contains("x-injected"),
                        "LP-5.6: a control character or injected text reached header " + name + ": " + value);
            }
        });
    }
}
