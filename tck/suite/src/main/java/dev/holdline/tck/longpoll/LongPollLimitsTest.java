package dev.holdline.tck.longpoll;

import static dev.holdline.tck.longpoll.LongPollHttp.SLACK;
import static dev.holdline.tck.longpoll.LongPollHttp.assertProblem;
import static dev.holdline.tck.longpoll.LongPollHttp.assertRetryAfterSeconds;
import static dev.holdline.tck.longpoll.LongPollHttp.assertWithin;
import static dev.holdline.tck.longpoll.LongPollHttp.enc;
import static dev.holdline.tck.longpoll.LongPollHttp.since;
import static dev.holdline.tck.longpoll.LongPollHttp.waitUpperBound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Timing;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Configured limits: a small {@code wait.max} (LP-3.6) and small {@code max-parked} /
 * {@code max-parked-per-topic} (LP-6), each on a deployment of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LongPollLimitsTest {

    private static final int MAX_PARKED = 4;
    private static final int MAX_PARKED_PER_TOPIC = 2;

    @Deployment(name = "clamp", testable = false)
    static WebArchive clamp() {
        return LongPollWars.war("lp-clamp", Map.of(
                "holdline.longpoll.wait.max", "2s",
                "holdline.longpoll.wait.default", "1s",
                "holdline.longpoll.topics", "clamped"));
    }

    @Deployment(name = "capacity", testable = false)
    static WebArchive capacity() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("holdline.longpoll.max-parked", Integer.toString(MAX_PARKED));
        params.put("holdline.longpoll.max-parked-per-topic", Integer.toString(MAX_PARKED_PER_TOPIC));
        return LongPollWars.war("lp-capacity", params);
    }

    @ArquillianResource
    @OperateOnDeployment("clamp")
    URL clampUrl;

    @ArquillianResource
    @OperateOnDeployment("capacity")
    URL capacityUrl;

    @Test
    @Assertion({"LP-3.4", "LP-3.5", "LP-3.6"})
    void waitAboveTheConfiguredMaximumIsClamped() throws Exception {
        LongPollHttp client = new LongPollHttp(clampUrl);
        String cursor = client.currentCursor("clamped");
        Duration max = Duration.ofSeconds(2);
        Duration limit = Timing.scaled(Duration.ofSeconds(30));
        Map<String, String[]> requests = new LinkedHashMap<>();
        requests.put("Prefer: wait=10", new String[] {"clamped?cursor=" + enc(cursor), "Prefer", "wait=10"});
        requests.put("?wait=10s", new String[] {"clamped?wait=10s&cursor=" + enc(cursor)});
        requests.put("?wait=1m with Prefer: wait=1", new String[] {"clamped?wait=1m&cursor=" + enc(cursor), "Prefer", "wait=1"});
        Map<String, CompletableFuture<HttpResponse<String>>> answers = new LinkedHashMap<>();
        Map<String, Duration> took = new java.util.concurrent.ConcurrentHashMap<>();
        for (Map.Entry<String, String[]> request : requests.entrySet()) {
            String[] parts = request.getValue();
            String[] headers = java.util.Arrays.copyOfRange(parts, 1, parts.length);
            long start = System.nanoTime();
            answers.put(request.getKey(), client.getAsync(parts[0], limit, headers)
                    .whenComplete((r, e) -> took.put(request.getKey(), since(start))));
        }
        for (Map.Entry<String, CompletableFuture<HttpResponse<String>>> answer : answers.entrySet()) {
            HttpResponse<String> response = answer.getValue().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(304, response.statusCode(), answer.getKey() + ": " + response.body());
            assertWithin(answer.getKey() + " with wait.max=2s", took.get(answer.getKey()), max, waitUpperBound(max));
            if (answer.getKey().startsWith("Prefer")) {
                assertEquals("wait=2", response.headers().firstValue("Preference-Applied").orElse(null),
                        "Preference-Applied shows the clamped wait");
            } else {
                assertFalse(response.headers().firstValue("Preference-Applied").isPresent(),
                        answer.getKey() + ": a wait from ?wait= is not reported");
            }
        }
    }

    @Test
    @Assertion({"LP-6.1", "LP-6.2", "LP-6.3", "LP-7.1"})
    void parkingBeyondCapacityIsRefusedWith503() throws Exception {
        LongPollHttp client = new LongPollHttp(capacityUrl);
        String first = client.streamTopic("cap-a");
        String second = client.streamTopic("cap-b");
        String third = client.streamTopic("cap-c");
        Map<String, String> cursors = Map.of(first, client.currentCursor(first), second, client.currentCursor(second),
                third, client.currentCursor(third));
        Duration limit = Timing.scaled(Duration.ofSeconds(60));
        List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_PARKED_PER_TOPIC; i++) {
                parked.add(client.getAsync(first + "?wait=40s&cursor=" + enc(cursors.get(first)), limit));
            }
            client.awaitParked(first, MAX_PARKED_PER_TOPIC);

            long start = System.nanoTime();
            HttpResponse<String> perTopic = client.get(first + "?wait=40s&cursor=" + enc(cursors.get(first)));
            assertWithin("refusal over the per-topic capacity", since(start), Duration.ZERO, SLACK);
            assertProblem(perTopic, 503, "over-capacity");
            assertRetryAfterSeconds(perTopic);

            for (int i = 0; i < MAX_PARKED - MAX_PARKED_PER_TOPIC; i++) {
                parked.add(client.getAsync(second + "?wait=40s&cursor=" + enc(cursors.get(second)), limit));
            }
            client.awaitParked(second, MAX_PARKED - MAX_PARKED_PER_TOPIC);
            assertEquals(MAX_PARKED, client.parked(null));

            start = System.nanoTime();
            HttpResponse<String> global = client.get(third + "?wait=40s&cursor=" + enc(cursors.get(third)));
            assertWithin("refusal over the global capacity", since(start), Duration.ZERO, SLACK);
            assertProblem(global, 503, "over-capacity");
            assertRetryAfterSeconds(global);
            assertEquals(MAX_PARKED, client.parked(null), "refused requests are not parked");

            // LP-6.3: what needs no wait is still answered.
            assertEquals(200, client.get(third).statusCode(), "no cursor at capacity");
            assertEquals(304, client.get(third + "?wait=0&cursor=" + enc(cursors.get(third))).statusCode(), "zero wait at capacity");
            String event = client.publish(third, "t", "{}");
            HttpResponse<String> ready = client.get(third + "?wait=40s&cursor=" + enc(cursors.get(third)));
            assertEquals(200, ready.statusCode(), "events ready at capacity: " + ready.body());
            assertEquals(List.of(event), JsonPath.from(ready.body()).getList("events.id"));
        } finally {
            client.publish(first, "release", "{}");
            client.publish(second, "release", "{}");
            for (CompletableFuture<HttpResponse<String>> waiter : parked) {
                assertEquals(200, waiter.get(limit.toMillis(), TimeUnit.MILLISECONDS).statusCode());
            }
        }
        client.awaitParked(null, 0);

        HttpResponse<String> again = client.getAsync(first + "?wait=0&cursor=" + enc(cursors.get(first)), limit)
                .get(limit.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(200, again.statusCode(), "capacity is free again: " + again.body());
    }
}
