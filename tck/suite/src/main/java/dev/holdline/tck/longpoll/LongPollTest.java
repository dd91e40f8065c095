package dev.holdline.tck.longpoll;

import static dev.holdline.tck.longpoll.LongPollHttp.SHORT;
import static dev.holdline.tck.longpoll.LongPollHttp.SLACK;
import static dev.holdline.tck.longpoll.LongPollHttp.assertProblem;
import static dev.holdline.tck.longpoll.LongPollHttp.assertWithin;
import static dev.holdline.tck.longpoll.LongPollHttp.enc;
import static dev.holdline.tck.longpoll.LongPollHttp.etag;
import static dev.holdline.tck.longpoll.LongPollHttp.since;
import static dev.holdline.tck.longpoll.LongPollHttp.waitUpperBound;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Timing;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The long-poll protocol on one deployment with default waits: declared topics (LP-1.3), reading
 * without waiting (LP-2), waiting (LP-3), retention and resync (LP-4) and accounting (LP-7). Every
 * test uses topics of its own, declared through the deployed {@code DeclareServlet} or in
 * {@code web.xml}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LongPollTest {

    private static final String RFC3339_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|\\+00:00)";

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("holdline.longpoll.topics", "lp13-plain,lp13-stream:stream,lp13-state:state,ret-count,ret-age,ret-state:state");
        params.put("holdline.longpoll.topic.ret-count.retain-count", "3");
        params.put("holdline.longpoll.topic.ret-age.retain-age", "1s");
        params.put("holdline.longpoll.topic.ret-state.retain-count", "2");
        // Far above what LP-3.10 parks, whatever the module's defaults.
        params.put("holdline.longpoll.max-parked", "10000");
        params.put("holdline.longpoll.max-parked-per-topic", "10000");
        return LongPollWars.war("lp-core", params);
    }

    @ArquillianResource
    URL base;

    private LongPollHttp client() {
        return new LongPollHttp(base);
    }

    // ---------------------------------------------------------------- LP-1.3, LP-2

    @Test
    @Assertion("LP-1.3")
    void topicsOfTheContextParamExistFromDeployment() {
        LongPollHttp client = client();
        Map<String, String> kinds = Map.of("lp13-plain", "stream", "lp13-stream", "stream", "lp13-state", "state");
        kinds.forEach((topic, kind) -> {
            HttpResponse<String> response = client.get(topic);
            assertEquals(200, response.statusCode(), () -> topic + ": " + response.body());
            String definition = client.definition(topic);
            assertNotNull(definition, topic + " is declared");
            assertTrue(definition.startsWith(kind + " "), topic + " is a " + kind + " topic, definition " + definition);
        });
    }

    @Test
    @Assertion("LP-2.1")
    void noCursorIsAnsweredAtOnceWithTheCurrentCursor() {
        LongPollHttp client = client();
        String topic = client.streamTopic("nocursor");
        client.publish(topic, "t", "1");
        String current = client.publish(topic, "t", "2");

        long start = System.nanoTime();
        HttpResponse<String> response = client.get(topic, "Prefer", "wait=20");
        assertWithin("a request without cursor", since(start), Duration.ZERO, SLACK);
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).startsWith("application/json"),
                "Content-Type " + response.headers().firstValue("Content-Type"));
        assertEquals(etag(current), response.headers().firstValue("ETag").orElse(null));
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"), "Cache-Control: no-store");
        JsonPath body = JsonPath.from(response.body());
        assertEquals(topic, body.getString("topic"));
        assertEquals(List.of(), body.getList("events"));
        assertEquals(current, body.getString("cursor"));
    }

    @Test
    @Assertion({"LP-1.4", "LP-2.2"})
    void eventsAfterTheCursorAreAnsweredAtOnceInPublishOrder() {
        LongPollHttp client = client();
        String topic = client.streamTopic("events");
        String start = client.currentCursor(topic);
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5);
        String c1 = client.publish(topic, "created", "{\"a\":[1,2],\"b\":\"x\",\"c\":null}");
        String c2 = client.publish(topic, "updated", "\"just a string\"");
        String c3 = client.publish(topic, "deleted", "42");

        long t0 = System.nanoTime();
        HttpResponse<String> response = client.get(topic + "?cursor=" + enc(start), "Prefer", "wait=20");
        assertWithin("events already published", since(t0), Duration.ZERO, SLACK);
        assertEquals(200, response.statusCode(), response::body);
        assertEquals(etag(c3), response.headers().firstValue("ETag").orElse(null), "ETag names the last event");
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"), "Cache-Control: no-store");
        JsonPath body = JsonPath.from(response.body());
        assertEquals(topic, body.getString("topic"));
        assertEquals(c3, body.getString("cursor"));
        assertEquals(List.of(c1, c2, c3), body.getList("events.id"));
        assertEquals(List.of("created", "updated", "deleted"), body.getList("events.type"));
        assertEquals(List.of(1, 2), body.getList("events[0].data.a"), "data is embedded JSON, not a string");
        assertEquals("x", body.getString("events[0].data.b"));
        assertTrue(body.getMap("events[0].data").containsKey("c"), "a null member survives");
        assertEquals("just a string", body.getString("events[1].data"));
        assertEquals(Integer.valueOf(42), body.get("events[2].data"));
        OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(5);
        for (String time : body.<String>getList("events.time")) {
            assertTrue(time.matches(RFC3339_UTC), "RFC 3339 UTC time, was " + time);
            OffsetDateTime parsed = OffsetDateTime.parse(time);
            assertTrue(parsed.isAfter(before) && parsed.isBefore(after), "time " + time + " is the publish time");
        }
        assertTrue(response.body().contains("\"data\":{"), "data embedded as a JSON object: " + response.body());
    }

    @Test
    @Assertion({"LP-2.3", "LP-5.3"})
    void limitPagesThroughEveryEventExactlyOnceInOrder() {
        LongPollHttp client = client();
        String topic = LongPollHttp.uniqueTopic("limit");
        client.declare(topic, "stream", 5000, Duration.ofHours(1));
        String start = client.currentCursor(topic);
        client.publishMany(topic, 1001);

        assertEquals(100, JsonPath.from(client.get(topic + "?cursor=" + enc(start)).body()).getList("events").size(),
                "default limit 100");
        assertEquals(1000, JsonPath.from(client.get(topic + "?limit=1000&cursor=" + enc(start)).body()).getList("events").size(),
                "limit=1000 allowed");
        assertEquals(7, JsonPath.from(client.get(topic + "?limit=7&cursor=" + enc(start)).body()).getList("events").size());
        assertProblem(client.get(topic + "?limit=1001&cursor=" + enc(start)), 400, "malformed-limit");

        List<Integer> seen = new ArrayList<>();
        String cursor = start;
        for (int page = 0; page < 200 && seen.size() < 1001; page++) {
            HttpResponse<String> response = client.get(topic + "?limit=7&wait=0&cursor=" + enc(cursor));
            assertEquals(200, response.statusCode(), response::body);
            JsonPath body = JsonPath.from(response.body());
            List<Integer> numbers = body.getList("events.data.n", Integer.class);
            assertTrue(numbers.size() <= 7, "at most 7 events per page");
            seen.addAll(numbers);
            cursor = body.getString("cursor");
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= 1001; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen, "every event exactly once, in order");
        assertEquals(304, client.get(topic + "?limit=7&wait=0&cursor=" + enc(cursor)).statusCode(), "the last page's cursor is current");
    }

    @Test
    @Assertion("LP-2.4")
    void ifNoneMatchIsTheCursorUnlessTheQueryHasOne() {
        LongPollHttp client = client();
        String topic = client.streamTopic("inm");
        String start = client.currentCursor(topic);
        String c1 = client.publish(topic, "t", "1");
        String c2 = client.publish(topic, "t", "2");

        JsonPath fromHeader = JsonPath.from(client.get(topic, "If-None-Match", etag(c1)).body());
        assertEquals(List.of(c2), fromHeader.getList("events.id"), "If-None-Match read as the cursor");

        JsonPath queryWins = JsonPath.from(client.get(topic + "?cursor=" + enc(start), "If-None-Match", etag(c1)).body());
        assertEquals(List.of(c1, c2), queryWins.getList("events.id"), "?cursor= wins over If-None-Match");

        HttpResponse<String> current = client.get(topic + "?wait=0", "If-None-Match", etag(c2));
        assertEquals(304, current.statusCode(), "If-None-Match of the current cursor waits: " + current.body());
        assertEquals(etag(c2), current.headers().firstValue("ETag").orElse(null));
    }

    // ---------------------------------------------------------------- LP-3

    @Test
    @Assertion({"LP-3.1", "LP-3.2", "LP-3.8", "LP-7.1"})
    void publishWakesEveryParkedRequestWithIdenticalBodies() throws Exception {
        LongPollHttp client = client();
        String topic = client.streamTopic("wake");
        String cursor = client.currentCursor(topic);
        List<CompletableFuture<HttpResponse<byte[]>>> waiters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiters.add(client.http().sendAsync(client.request(client.events(topic + "?wait=20s&cursor=" + enc(cursor)),
                    Timing.scaled(Duration.ofSeconds(40))).GET().build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        client.awaitParked(topic, 4);
        waiters.forEach(waiter -> assertFalse(waiter.isDone(), "parked until something is published"));

        long published = System.nanoTime();
        String event = client.publish(topic, "woken", "{\"v\":1}");
        byte[] first = null;
        for (CompletableFuture<HttpResponse<byte[]>> waiter : waiters) {
            HttpResponse<byte[]> response = waiter.get(SLACK.toMillis() + 1000, TimeUnit.MILLISECONDS);
            assertWithin("publish until a parked request is answered", since(published), Duration.ZERO, SLACK);
            assertEquals(200, response.statusCode());
            JsonPath body = JsonPath.from(new String(response.body(), StandardCharsets.UTF_8));
            assertEquals(List.of(event), body.getList("events.id"));
            if (first == null) {
                first = response.body();
            } else {
                assertArrayEquals(first, response.body(), "LP-3.8: byte-identical bodies");
            }
        }
        client.awaitParked(topic, 0);
    }

    @Test
    @Assertion({"LP-3.3", "LP-3.5", "LP-7.1"})
    void waitEndingWithNothingIs304WithTheCursorSent() throws Exception {
        LongPollHttp client = client();
        String topic = client.streamTopic("timeout");
        String cursor = client.currentCursor(topic);
        Duration wait = Duration.ofSeconds(2);

        long start = System.nanoTime();
        HttpResponse<String> response = client.getAsync(topic + "?wait=2s&cursor=" + enc(cursor), Timing.scaled(Duration.ofSeconds(20)))
                .get(Timing.scaled(Duration.ofSeconds(20)).toMillis(), TimeUnit.MILLISECONDS);
        assertWithin("?wait=2s with nothing published", since(start), wait, waitUpperBound(wait));
        assertEquals(304, response.statusCode(), response::body);
        assertEquals(etag(cursor), response.headers().firstValue("ETag").orElse(null), "ETag is the cursor sent");
        assertEquals("", response.body(), "no body");
        assertFalse(response.headers().firstValue("Preference-Applied").isPresent(), "LP-3.5: ?wait= is not a preference");
        await("LP-7.1: nothing parked after the timeout").atMost(SLACK).until(() -> client.parked(topic) == 0);
    }

    @Test
    @Assertion({"LP-3.3", "LP-3.4"})
    void preferWaitSetsTheWaitAndIsReportedApplied() throws Exception {
        LongPollHttp client = client();
        String topic = client.streamTopic("prefer");
        String cursor = client.currentCursor(topic);
        Duration wait = Duration.ofSeconds(2);

        long start = System.nanoTime();
        HttpResponse<String> response = client.getAsync(topic + "?cursor=" + enc(cursor), Timing.scaled(Duration.ofSeconds(20)),
                "Prefer", "wait=2").get(Timing.scaled(Duration.ofSeconds(20)).toMillis(), TimeUnit.MILLISECONDS);
        assertWithin("Prefer: wait=2 with nothing published", since(start), wait, waitUpperBound(wait));
        assertEquals(304, response.statusCode(), response::body);
        assertEquals(etag(cursor), response.headers().firstValue("ETag").orElse(null));
        assertEquals("wait=2", response.headers().firstValue("Preference-Applied").orElse(null));
    }

    @Test
    @Assertion("LP-3.5")
    void waitParameterUnitsAndPrecedenceOverPrefer() throws Exception {
        LongPollHttp client = client();
        String topic = client.streamTopic("units");
        String cursor = client.currentCursor(topic);
        Duration limit = Timing.scaled(Duration.ofSeconds(20));
        Map<String, Duration> timed = new LinkedHashMap<>();
        timed.put("wait=500ms", Duration.ofMillis(500));
        timed.put("wait=1", Duration.ofSeconds(1));
        timed.put("wait=1s", Duration.ofSeconds(1));
        Map<String, CompletableFuture<HttpResponse<String>>> answers = new LinkedHashMap<>();
        Map<String, Duration> took = new java.util.concurrent.ConcurrentHashMap<>();
        for (String query : timed.keySet()) {
            long start = System.nanoTime();
            answers.put(query, client.getAsync(topic + "?" + query + "&cursor=" + enc(cursor), limit)
                    .whenComplete((r, e) -> took.put(query, since(start))));
        }
        long precedenceStart = System.nanoTime();
        CompletableFuture<HttpResponse<String>> precedence = client.getAsync(topic + "?wait=2s&cursor=" + enc(cursor), limit,
                "Prefer", "wait=1");
        HttpResponse<String> won = precedence.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        assertWithin("?wait=2s with Prefer: wait=1", since(precedenceStart), Duration.ofSeconds(2), waitUpperBound(Duration.ofSeconds(2)));
        assertEquals(304, won.statusCode());
        assertFalse(won.headers().firstValue("Preference-Applied").isPresent(), "the wait came from ?wait=, not Prefer");

        for (Map.Entry<String, Duration> entry : timed.entrySet()) {
            HttpResponse<String> response = answers.get(entry.getKey()).get(limit.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(304, response.statusCode(), entry.getKey() + ": " + response.body());
            assertWithin("?" + entry.getKey(), took.get(entry.getKey()), entry.getValue(), waitUpperBound(entry.getValue()));
            assertFalse(response.headers().firstValue("Preference-Applied").isPresent());
        }

        // Minutes and plain seconds above the test's patience: accepted (parked), then woken by a publish.
        List<CompletableFuture<HttpResponse<String>>> long_ = List.of(
                client.getAsync(topic + "?wait=2m&cursor=" + enc(cursor), limit),
                client.getAsync(topic + "?wait=30&cursor=" + enc(cursor), limit),
                client.getAsync(topic + "?wait=30s&cursor=" + enc(cursor), limit));
        client.awaitParked(topic, 3);
        String event = client.publish(topic, "t", "true");
        for (CompletableFuture<HttpResponse<String>> waiter : long_) {
            HttpResponse<String> response = waiter.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(200, response.statusCode(), response::body);
            assertEquals(List.of(event), JsonPath.from(response.body()).getList("events.id"));
        }
    }

    @Test
    @Assertion({"LP-3.4", "LP-3.6"})
    void preferWaitAboveTheDefaultMaximumIsClampedTo55() throws Exception {
        LongPollHttp client = client();
        String topic = client.streamTopic("clamp55");
        String cursor = client.currentCursor(topic);
        CompletableFuture<HttpResponse<String>> waiter = client.getAsync(topic + "?cursor=" + enc(cursor),
                Timing.scaled(Duration.ofSeconds(20)), "Prefer", "wait=600");
        client.awaitParked(topic, 1);
        client.publish(topic, "t", "{}");
        HttpResponse<String> response = waiter.get(Timing.scaled(Duration.ofSeconds(10)).toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("wait=55", response.headers().firstValue("Preference-Applied").orElse(null),
                "Preference-Applied shows the wait clamped to the default maximum");
    }

    @Test
    @Assertion({"LP-3.6", "LP-5.2"})
    void defaultWaitIs30SecondsAlsoForAMalformedPreferWait() throws Exception {
        LongPollHttp client = client();
        String topic = client.streamTopic("default30");
        String cursor = client.currentCursor(topic);
        Duration wait = Duration.ofSeconds(30);
        Duration limit = Timing.scaled(Duration.ofSeconds(60));
        List<String> preferValues = List.of("", "wait=abc", "wait=-5", "wait=1.5");
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        List<Duration> took = new java.util.concurrent.CopyOnWriteArrayList<>(new Duration[preferValues.size()]);
        for (int i = 0; i < preferValues.size(); i++) {
            int index = i;
            long start = System.nanoTime();
            String[] headers = preferValues.get(i).isEmpty() ? new String[0] : new String[] {"Prefer", preferValues.get(i)};
            answers.add(client.getAsync(topic + "?cursor=" + enc(cursor), limit, headers)
                    .whenComplete((r, e) -> took.set(index, since(start))));
        }
        for (int i = 0; i < answers.size(); i++) {
            String what = preferValues.get(i).isEmpty() ? "no wait given" : "Prefer: " + preferValues.get(i);
            HttpResponse<String> response = answers.get(i).get(limit.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(304, response.statusCode(), what + ": " + response.body());
            assertWithin(what + " (default wait)", took.get(i), wait, waitUpperBound(wait));
        }
    }

    @Test
    @Assertion("LP-3.7")
    void zeroWaitAnswersAtOnce() {
        LongPollHttp client = client();
        String topic = client.streamTopic("zero");
        String cursor = client.currentCursor(topic);
        for (String[] request : List.of(new String[] {"?wait=0&cursor=" + enc(cursor)}, new String[] {"?wait=0s&cursor=" + enc(cursor)},
                new String[] {"?wait=0ms&cursor=" + enc(cursor)}, new String[] {"?cursor=" + enc(cursor), "Prefer", "wait=0"})) {
            long start = System.nanoTime();
            HttpResponse<String> response = request.length == 1 ? client.get(topic + request[0])
                    : client.get(topic + request[0], request[1], request[2]);
            assertWithin("a zero wait " + String.join(" ", request), since(start), Duration.ZERO, SLACK);
            assertEquals(304, response.statusCode(), response::body);
            assertEquals(etag(cursor), response.headers().firstValue("ETag").orElse(null));
        }
    }

    @Test
    @Assertion("LP-3.9")
    void publishingOnAnotherTopicWakesNobodyHere() throws Exception {
        LongPollHttp client = client();
        String quiet = client.streamTopic("quiet");
        String busy = client.streamTopic("busy");
        String cursor = client.currentCursor(quiet);
        Duration wait = Duration.ofSeconds(2);
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> waiter = client.getAsync(quiet + "?wait=2s&cursor=" + enc(cursor),
                Timing.scaled(Duration.ofSeconds(20)));
        client.awaitParked(quiet, 1);
        for (int i = 0; i < 5; i++) {
            client.publish(busy, "noise", Integer.toString(i));
        }
        HttpResponse<String> response = waiter.get(Timing.scaled(Duration.ofSeconds(20)).toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(304, response.statusCode(), "not woken by another topic: " + response.body());
        assertWithin("the quiet topic's wait", since(start), wait, waitUpperBound(wait));
    }

    @Test
    @Assertion({"LP-3.10", "LP-7.1"})
    void moreParkedRequestsThanRequestThreadsDoNotBlockOthers() throws Exception {
        LongPollHttp client = client();
        String crowded = client.streamTopic("crowded");
        String other = client.streamTopic("free");
        String cursor = client.currentCursor(crowded);
        int count = 250;
        Duration limit = Timing.scaled(Duration.ofSeconds(60));
        List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                parked.add(client.getAsync(crowded + "?wait=45s&cursor=" + enc(cursor), limit));
            }
            await("250 requests parked").atMost(Timing.scaled(Duration.ofSeconds(30))).pollInterval(Duration.ofMillis(200))
                    .until(() -> client.parked(crowded) == count);

            long start = System.nanoTime();
            HttpResponse<String> free = client.get(other);
            assertWithin("a request needing no wait while " + count + " are parked", since(start), Duration.ZERO, SLACK);
            assertEquals(200, free.statusCode(), free::body);
            start = System.nanoTime();
            HttpResponse<String> zero = client.get(other + "?wait=0&cursor=" + enc(JsonPath.from(free.body()).getString("cursor")));
            assertWithin("a zero wait while " + count + " are parked", since(start), Duration.ZERO, SLACK);
            assertEquals(304, zero.statusCode());
        } finally {
            String event = client.publish(crowded, "release", "{}");
            for (CompletableFuture<HttpResponse<String>> waiter : parked) {
                HttpResponse<String> response = waiter.get(limit.toMillis(), TimeUnit.MILLISECONDS);
                assertEquals(200, response.statusCode());
                assertEquals(List.of(event), JsonPath.from(response.body()).getList("events.id"));
            }
        }
        client.awaitParked(crowded, 0);
    }

    // ---------------------------------------------------------------- LP-4

    @Test
    @Assertion("LP-4.1")
    void cursorBeforeTheRetainedEventsIsExpired() {
        LongPollHttp client = client();
        String topic = "ret-count";
        String start = client.currentCursor(topic);
        List<String> cursors = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            cursors.add(client.publish(topic, "t", Integer.toString(i)));
        }
        for (String expired : List.of(start, cursors.get(0), cursors.get(1))) {
            HttpResponse<String> response = client.get(topic + "?wait=0&cursor=" + enc(expired));
            JsonPath problem = assertProblem(response, 410, "cursor-expired");
            assertEquals("expired", problem.getString("reason"), response.body());
            String resync = problem.getString("cursor");
            assertNotNull(resync, "a cursor to resync from");
            HttpResponse<String> resynced = client.get(topic + "?wait=0&cursor=" + enc(resync));
            assertTrue(resynced.statusCode() == 200 || resynced.statusCode() == 304,
                    "resyncing from the problem's cursor works: " + resynced.statusCode() + " " + resynced.body());
        }
        JsonPath retained = JsonPath.from(client.get(topic + "?wait=0&cursor=" + enc(cursors.get(3))).body());
        assertEquals(cursors.subList(4, 6), retained.getList("events.id"), "retained events are still served");
    }

    @Test
    @Assertion("LP-4.2")
    void foreignOrFutureCursorOfAStreamIsReset() {
        LongPollHttp client = client();
        String topic = client.streamTopic("reset");
        String current = client.publish(topic, "t", "1");
        for (String cursor : List.of(LongPollHttp.foreignEpoch(current), LongPollHttp.future(current, 1),
                LongPollHttp.future(current, 1_000_000))) {
            HttpResponse<String> response = client.get(topic + "?wait=0&cursor=" + enc(cursor));
            JsonPath problem = assertProblem(response, 410, "cursor-expired");
            assertEquals("reset", problem.getString("reason"), cursor + ": " + response.body());
            String resync = problem.getString("cursor");
            assertNotNull(resync, "a cursor to resync from");
            HttpResponse<String> resynced = client.get(topic + "?wait=0&cursor=" + enc(resync));
            assertTrue(resynced.statusCode() == 200 || resynced.statusCode() == 304,
                    "resyncing from " + resync + ": " + resynced.statusCode() + " " + resynced.body());
        }
    }

    @Test
    @Assertion("LP-4.3")
    void stateTopicAnswersTheLatestEventToAnyOutdatedCursor() {
        LongPollHttp client = client();
        String topic = "ret-state";
        String start = client.currentCursor(topic);
        List<String> cursors = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            cursors.add(client.publish(topic, "state", "{\"v\":" + i + "}"));
        }
        String latest = cursors.get(3);
        for (String cursor : List.of(start, cursors.get(0), LongPollHttp.foreignEpoch(latest), LongPollHttp.future(latest, 5))) {
            HttpResponse<String> response = client.get(topic + "?wait=0&cursor=" + enc(cursor));
            assertEquals(200, response.statusCode(), cursor + ": " + response.body());
            JsonPath body = JsonPath.from(response.body());
            assertEquals(List.of(latest), body.getList("events.id"), cursor + ": the latest event only");
            assertEquals(Integer.valueOf(4), body.get("events[0].data.v"));
            assertEquals(latest, body.getString("cursor"));
        }

        String empty = LongPollHttp.uniqueTopic("state-empty");
        client.declare(empty, "state", null, null);
        String current = client.currentCursor(empty);
        for (String cursor : List.of(LongPollHttp.foreignEpoch(current), LongPollHttp.future(current, 3))) {
            HttpResponse<String> response = client.get(empty + "?wait=0&cursor=" + enc(cursor));
            assertEquals(200, response.statusCode(), cursor + " on an empty state topic: " + response.body());
            JsonPath body = JsonPath.from(response.body());
            assertEquals(List.of(), body.getList("events"));
            assertEquals(current, body.getString("cursor"));
        }
    }

    @Test
    @Assertion({"LP-4.4", "LP-4.1"})
    void eventsOlderThanTheRetentionAgeAreGone() {
        LongPollHttp client = client();
        String topic = "ret-age";
        String start = client.currentCursor(topic);
        long published = System.nanoTime();
        String event = client.publish(topic, "t", "1");
        HttpResponse<String> fresh = client.get(topic + "?wait=0&cursor=" + enc(start));
        if (since(published).compareTo(Duration.ofMillis(900)) < 0) {
            assertEquals(200, fresh.statusCode(), "a young event is served: " + fresh.body());
            assertEquals(List.of(event), JsonPath.from(fresh.body()).getList("events.id"));
        }
        await("the event to age out (retain-age 1s)").atMost(Duration.ofSeconds(1).plus(Timing.scaled(Duration.ofSeconds(3))))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> client.get(topic + "?wait=0&cursor=" + enc(start)).statusCode() == 410);
        assertWithin("an event's lifetime with retain-age 1s", since(published), Duration.ofSeconds(1), Duration.ofSeconds(1).plus(Timing.scaled(Duration.ofSeconds(3))));
        HttpResponse<String> expired = client.get(topic + "?wait=0&cursor=" + enc(start));
        JsonPath problem = assertProblem(expired, 410, "cursor-expired");
        assertEquals("expired", problem.getString("reason"));
        assertNotEquals(null, problem.getString("cursor"));
    }

    // ---------------------------------------------------------------- LP-7

    @Test
    @Assertion("LP-7.1")
    void parkedCountIsObservableThroughTheRuntimeAndJmx() throws Exception {
        LongPollHttp client = client();
        String topic = client.streamTopic("jmx");
        String cursor = client.currentCursor(topic);
        Duration limit = Timing.scaled(Duration.ofSeconds(30));
        List<CompletableFuture<HttpResponse<String>>> waiters = List.of(
                client.getAsync(topic + "?wait=20s&cursor=" + enc(cursor), limit),
                client.getAsync(topic + "?wait=20s&cursor=" + enc(cursor), limit));
        client.awaitParked(topic, 2);
        // Other tests' requests may still be parked elsewhere in the application: compare with parked(), not 2.
        int total = client.parked(null);
        assertTrue(total >= 2, "parked() counts the application's parked requests, was " + total);
        List<String> jmx = client.jmxParked();
        List<String> ours = jmx.stream().filter(line -> line.endsWith("=" + total))
                .map(line -> line.substring(0, line.lastIndexOf('='))).toList();
        assertFalse(ours.isEmpty(), "an MBean attribute Parked shows parked() = " + total + ": " + jmx);

        client.publish(topic, "t", "0");
        for (CompletableFuture<HttpResponse<String>> waiter : waiters) {
            assertEquals(200, waiter.get(limit.toMillis(), TimeUnit.MILLISECONDS).statusCode());
        }
        client.awaitParked(topic, 0);
        await("JMX Parked to follow parked()").atMost(SLACK).until(() -> {
            int now = client.parked(null);
            return now <= total - 2 && client.jmxParked().stream()
                    .filter(line -> ours.contains(line.substring(0, line.lastIndexOf('='))))
                    .allMatch(line -> line.endsWith("=" + now));
        });
    }

    @Test
    @Assertion({"LP-7.1", "LP-7.2"})
    void abandonedRequestIsForgottenByTheEndOfItsWait() throws Exception {
        LongPollHttp client = client();
        String topic = client.streamTopic("abandon");
        String cursor = client.currentCursor(topic);
        URI target = client.events(topic + "?wait=3s&cursor=" + enc(cursor));
        Duration wait = Duration.ofSeconds(3);
        long start;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), (int) SHORT.toMillis());
            OutputStream out = socket.getOutputStream();
            start = System.nanoTime();
            out.write(("GET " + target.getRawPath() + "?" + target.getRawQuery() + " HTTP/1.1\r\nHost: " + target.getHost() + ":"
                    + target.getPort() + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            client.awaitParked(topic, 1);
            socket.setSoLinger(true, 0);
            InputStream ignored = socket.getInputStream();
            assertEquals(0, ignored.available(), "nothing answered yet");
        }
        Duration deadline = waitUpperBound(wait);
        Duration left = deadline.minus(since(start));
        await("the abandoned request to be forgotten").atMost(left.isNegative() ? Duration.ofMillis(100) : left.plusMillis(100))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> client.parked(topic) == 0);
        assertWithin("parked count back to 0 after the client left", since(start), Duration.ZERO, deadline);
        String event = client.publish(topic, "after", "{}");
        assertEquals(event, client.currentCursor(topic), "publishing after the disconnect succeeds");
    }
}
