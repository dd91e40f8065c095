package dev.holdline.longpoll;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.testing.EmbeddedUndertow;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The wire protocol against a real Undertow, deployed through the initializer. */
class LongPollHttpTest {

    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final Pattern CURSOR = Pattern.compile("\"cursor\":\"([0-9a-z]+\\.[0-9]+)\"");

    private static EmbeddedUndertow server;
    private static Topics topics;

    @BeforeAll
    static void deploy() throws Exception {
        server = LongPollApps.start(Map.of(
                "holdline.longpoll.topics", "news, prices:state, other, short:stream, board:state, aged",
                "holdline.longpoll.topic.short.retain-count", "3",
                "holdline.longpoll.topic.board.retain-count", "2",
                "holdline.longpoll.topic.aged.retain-age", "200ms",
                "holdline.longpoll.wait.default", "300ms",
                "holdline.longpoll.wait.max", "5s"));
        topics = Topics.of(server.servletContext());
    }

    @AfterAll
    static void undeploy() throws Exception {
        server.close();
    }

    @AfterEach
    void nothingStaysParked() {
        await().atMost(Duration.ofSeconds(10)).until(() -> LongPollApps.runtime(server).parked() == 0);
    }

    @Test
    void withoutCursorAnswersTheCurrentCursorAtOnce() throws Exception {
        String current = topics.publish("news", "init", "{}");
        HttpResponse<String> response = server.get("events/news?wait=5s");
        assertEquals(200, response.statusCode());
        assertEquals("{\"topic\":\"news\",\"events\":[],\"cursor\":\"" + current + "\"}", response.body());
        assertEquals(Optional.of("\"" + current + "\""), response.headers().firstValue("ETag"));
        assertEquals(Optional.of("no-store"), response.headers().firstValue("Cache-Control"));
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
    }

    @Test
    void answersEventsAfterTheCursorAtOnceInOrder() throws Exception {
        String start = cursorOf(server.get("events/news"));
        String first = topics.publish("news", "created", "{\"n\": 1}");
        String second = topics.publish("news", "updated", "[true,null]");
        HttpResponse<String> response = server.get("events/news?cursor=" + start);
        assertEquals(200, response.statusCode());
        String body = response.body();
        assertTrue(body.matches("\\{\"topic\":\"news\",\"events\":\\[\\{\"id\":\"" + Pattern.quote(first)
                + "\",\"type\":\"created\",\"data\":\\{\"n\": 1\\},\"time\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\"\\},"
                + "\\{\"id\":\"" + Pattern.quote(second) + "\",\"type\":\"updated\",\"data\":\\[true,null\\],\"time\":\"[^\"]+\"\\}\\],"
                + "\"cursor\":\"" + Pattern.quote(second) + "\"\\}"), body);
        assertEquals(Optional.of("\"" + second + "\""), response.headers().firstValue("ETag"));
    }

    @Test
    void followingTheCursorWithALimitReturnsEveryEventOnce() throws Exception {
        String cursor = cursorOf(server.get("events/news"));
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(topics.publish("news", "n", Integer.toString(i)));
        }
        List<String> received = new ArrayList<>();
        while (true) {
            HttpResponse<String> response = server.get("events/news?wait=0&limit=2&cursor=" + cursor);
            if (response.statusCode() == 304) {
                break;
            }
            assertEquals(200, response.statusCode());
            Matcher ids = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body());
            int count = 0;
            while (ids.find()) {
                received.add(ids.group(1));
                count++;
            }
            assertTrue(count >= 1 && count <= 2, response.body());
            cursor = cursorOf(response);
        }
        assertEquals(published, received);
    }

    @Test
    void readsTheCursorFromIfNoneMatchUnlessTheQueryHasOne() throws Exception {
        String start = cursorOf(server.get("events/news"));
        String event = topics.publish("news", "n", "1");
        HttpResponse<String> fromHeader = server.send(server.request("events/news?wait=0")
                .header("If-None-Match", "\"" + start + "\"").GET().build());
        assertEquals(200, fromHeader.statusCode());
        assertEquals(event, cursorOf(fromHeader));
        HttpResponse<String> queryWins = server.send(server.request("events/news?wait=0&cursor=" + event)
                .header("If-None-Match", "\"" + start + "\"").GET().build());
        assertEquals(304, queryWins.statusCode());
        assertEquals(Optional.of("\"" + event + "\""), queryWins.headers().firstValue("ETag"));
    }

    @Test
    void answersNotModifiedWhenTheWaitEnds() throws Exception {
        String cursor = cursorOf(server.get("events/other"));
        long start = System.nanoTime();
        HttpResponse<String> response = server.get("events/other?wait=300ms&cursor=" + cursor);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(304, response.statusCode());
        assertEquals("", response.body());
        assertEquals(Optional.of("\"" + cursor + "\""), response.headers().firstValue("ETag"));
        assertEquals(Optional.empty(), response.headers().firstValue("Preference-Applied"));
        assertTrue(took.compareTo(Duration.ofMillis(300)) >= 0, took.toString());
        assertTrue(took.compareTo(Duration.ofMillis(300 + 300 / 16).plus(SLACK)) < 0, took.toString());
    }

    @Test
    void theDefaultWaitAppliesWithoutAnyOrWithAMalformedPrefer() throws Exception {
        String cursor = cursorOf(server.get("events/other"));
        for (String prefer : new String[] {null, "wait=soon", "wait=-1"}) {
            HttpRequest.Builder request = server.request("events/other?cursor=" + cursor);
            if (prefer != null) {
                request.header("Prefer", prefer);
            }
            long start = System.nanoTime();
            HttpResponse<String> response = server.send(request.GET().build());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(304, response.statusCode());
            assertEquals(Optional.empty(), response.headers().firstValue("Preference-Applied"));
            assertTrue(took.compareTo(Duration.ofMillis(300)) >= 0, prefer + " took " + took);
        }
    }

    @Test
    void honoursPreferWaitAndSaysSo() throws Exception {
        String cursor = cursorOf(server.get("events/other"));
        HttpResponse<String> response = server.send(server.request("events/other?cursor=" + cursor)
                .header("Prefer", "wait=0").GET().build());
        assertEquals(304, response.statusCode());
        assertEquals(Optional.of("wait=0"), response.headers().firstValue("Preference-Applied"));
    }

    @Test
    void clampsTheWaitAndShowsTheClampedValue() throws Exception {
        String cursor = cursorOf(server.get("events/other"));
        CompletableFuture<HttpResponse<String>> parked = server.sendAsync(server.request("events/other?cursor=" + cursor)
                .header("Prefer", "wait=999").GET().build());
        await().atMost(Duration.ofSeconds(5)).until(() -> LongPollApps.runtime(server).parked("other") == 1);
        topics.publish("other", "x", "1");
        HttpResponse<String> response = parked.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("wait=5"), response.headers().firstValue("Preference-Applied"));
    }

    @Test
    void queryWaitWinsOverPreferAndCarriesNoPreferenceApplied() throws Exception {
        String cursor = cursorOf(server.get("events/other"));
        long start = System.nanoTime();
        HttpResponse<String> response = server.send(server.request("events/other?wait=0&cursor=" + cursor)
                .header("Prefer", "wait=3").GET().build());
        assertEquals(304, response.statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0);
        assertEquals(Optional.empty(), response.headers().firstValue("Preference-Applied"));
        topics.publish("other", "x", "1");
        for (String wait : new String[] {"30", "30s", "500ms", "2m"}) {
            // An event follows the cursor, so these are answered at once: only the syntax is checked.
            assertEquals(200, server.get("events/other?wait=" + wait + "&cursor=" + cursor).statusCode(), wait);
        }
    }

    @Test
    void parkedRequestsHoldNoThread() throws Exception {
        String cursor = cursorOf(server.get("events/other"));
        List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
        // Undertow's embedded default is 8 worker threads per core; this parks several times that many.
        int count = Runtime.getRuntime().availableProcessors() * 8 * 3;
        for (int i = 0; i < count; i++) {
            parked.add(server.sendAsync(server.request("events/other?wait=5s&cursor=" + cursor).GET().build()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> LongPollApps.runtime(server).parked("other") == count);
        long start = System.nanoTime();
        assertEquals(200, server.get("events/news").statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(SLACK) < 0);
        topics.publish("other", "x", "1");
        for (CompletableFuture<HttpResponse<String>> future : parked) {
            assertEquals(200, future.get(10, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void aPublishAnswersEveryParkedRequestWithTheSameBytes() throws Exception {
        String cursor = cursorOf(server.get("events/news"));
        String otherCursor = cursorOf(server.get("events/other"));
        List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parked.add(server.sendAsync(server.request("events/news?wait=5s&cursor=" + cursor).GET().build()));
        }
        CompletableFuture<HttpResponse<String>> elsewhere =
                server.sendAsync(server.request("events/other?wait=2s&cursor=" + otherCursor).GET().build());
        await().atMost(Duration.ofSeconds(5)).until(() -> LongPollApps.runtime(server).parked("news") == 3
                && LongPollApps.runtime(server).parked("other") == 1);
        long published = System.nanoTime();
        String event = topics.publish("news", "hello", "\"world\"");
        List<String> bodies = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> future : parked) {
            HttpResponse<String> response = future.get(10, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            assertEquals(Optional.of("\"" + event + "\""), response.headers().firstValue("ETag"));
            bodies.add(response.body());
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - published).compareTo(SLACK) < 0);
        assertEquals(1, bodies.stream().distinct().count(), bodies.toString());
        assertTrue(bodies.get(0).contains("\"data\":\"world\""), bodies.get(0));
        assertEquals(0, LongPollApps.runtime(server).parked("news"));
        assertFalse(elsewhere.isDone(), "a publish on news answered a request parked on other");
        assertEquals(304, elsewhere.get(10, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void answersGoneWithReasonExpiredForACursorBeyondRetention() throws Exception {
        String start = cursorOf(server.get("events/short"));
        for (int i = 0; i < 5; i++) {
            topics.publish("short", "n", Integer.toString(i));
        }
        String current = cursorOf(server.get("events/short"));
        HttpResponse<String> response = server.get("events/short?cursor=" + start);
        assertProblem(response, 410, "cursor-expired");
        assertTrue(response.body().contains("\"reason\":\"expired\""), response.body());
        assertTrue(response.body().contains("\"cursor\":\"" + current + "\""), response.body());
    }

    @Test
    void expiresEventsByAge() throws Exception {
        String start = cursorOf(server.get("events/aged"));
        topics.publish("aged", "n", "1");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> server.get("events/aged?wait=0&cursor=" + start).statusCode() == 410);
        HttpResponse<String> response = server.get("events/aged?wait=0&cursor=" + start);
        assertTrue(response.body().contains("\"reason\":\"expired\""), response.body());
    }

    @Test
    void answersGoneWithReasonResetForAForeignOrFutureCursor() throws Exception {
        String current = cursorOf(server.get("events/news"));
        String epoch = current.substring(0, current.indexOf('.'));
        for (String foreign : new String[] {"zzzzzz0.0", epoch + ".999999"}) {
            HttpResponse<String> response = server.get("events/news?cursor=" + foreign);
            assertProblem(response, 410, "cursor-expired");
            assertTrue(response.body().contains("\"reason\":\"reset\""), response.body());
            assertTrue(response.body().contains("\"cursor\":\"" + current + "\""), response.body());
        }
    }

    @Test
    void aStateTopicAnswersAStaleCursorWithTheLatestEvent() throws Exception {
        HttpResponse<String> empty = server.get("events/prices?cursor=zzz.7");
        assertEquals(200, empty.statusCode());
        assertTrue(empty.body().contains("\"events\":[]"), empty.body());
        String start = cursorOf(server.get("events/board"));
        topics.publish("board", "v", "1");
        topics.publish("board", "v", "2");
        String latest = topics.publish("board", "v", "3");
        for (String stale : new String[] {start, "zzz.1", start.substring(0, start.indexOf('.')) + ".99"}) {
            HttpResponse<String> response = server.get("events/board?cursor=" + stale);
            assertEquals(200, response.statusCode());
            assertTrue(response.body().matches(".*\"events\":\\[\\{\"id\":\"" + Pattern.quote(latest) + "\"[^\\]]*\\].*"),
                    response.body());
            assertEquals(latest, cursorOf(response));
        }
    }

    @Test
    void answersBadInputWithProblems() throws Exception {
        String cursor = cursorOf(server.get("events/news"));
        assertProblem(server.get("events/news?cursor=not-a-cursor"), 400, "malformed-cursor");
        assertProblem(server.get("events/news?cursor="), 400, "malformed-cursor");
        assertProblem(server.send(server.request("events/news").header("If-None-Match", "*").GET().build()), 400, "malformed-cursor");
        assertProblem(server.send(server.request("events/news").header("If-None-Match", "nope").GET().build()), 400, "malformed-cursor");
        for (String wait : new String[] {"abc", "-1", "25h", "", "1.5s", "1d"}) {
            assertProblem(server.get("events/news?cursor=" + cursor + "&wait=" + wait), 400, "malformed-wait");
        }
        for (String limit : new String[] {"0", "1001", "x", "", "-1", "+5", "99999999999"}) {
            assertProblem(server.get("events/news?cursor=" + cursor + "&limit=" + limit), 400, "malformed-limit");
        }
        assertProblem(server.get("events/nope"), 404, "unknown-topic");
        for (String topic : new String[] {"", "a%20b", "a/b", "x".repeat(129), "%C3%A9"}) {
            assertProblem(server.get("events/" + topic), 400, "malformed-topic");
        }
        HttpResponse<String> post = server.send(server.request("events/news").POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertProblem(post, 405, "method-not-allowed");
        assertEquals(Optional.of("GET"), post.headers().firstValue("Allow"));
    }

    @Test
    void keepsControlCharactersOutOfResponseHeaders() throws Exception {
        HttpResponse<String> response = server.get("events/news?cursor=a%0d%0aX-Evil:%201.1");
        assertProblem(response, 400, "malformed-cursor");
        assertEquals(Optional.empty(), response.headers().firstValue("X-Evil"));
    }

    @Test
    void exposesParkedThroughJmx() throws Exception {
        String cursor = cursorOf(server.get("events/other"));
        CompletableFuture<HttpResponse<String>> parked = server.sendAsync(server.request("events/other?wait=5s&cursor=" + cursor).GET().build());
        javax.management.ObjectName name = JmxRegistration.objectName("/");
        await().atMost(Duration.ofSeconds(5)).until(() ->
                (Integer) ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Parked") == 1);
        topics.publish("other", "x", "1");
        assertEquals(200, parked.get(10, TimeUnit.SECONDS).statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() ->
                (Integer) ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Parked") == 0);
    }

    static String cursorOf(HttpResponse<String> response) {
        Matcher matcher = CURSOR.matcher(response.body());
        assertTrue(matcher.find(), response.statusCode() + " " + response.body());
        return matcher.group(1);
    }

    static void assertProblem(HttpResponse<String> response, int status, String name) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
        String body = response.body();
        assertTrue(body.contains("\"type\":\"https://holdline.dev/problems/" + name + "\""), body);
        assertTrue(body.contains("\"status\":" + status), body);
        assertTrue(body.contains("\"title\":"), body);
        assertTrue(body.contains("\"detail\":"), body);
    }
}
