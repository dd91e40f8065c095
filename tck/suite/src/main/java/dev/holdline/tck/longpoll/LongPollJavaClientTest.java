package dev.holdline.tck.longpoll;

import static dev.holdline.tck.longpoll.LongPollHttp.SHORT;
import static dev.holdline.tck.longpoll.LongPollHttp.SLACK;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.longpoll.client.ClientEvent;
import dev.holdline.longpoll.client.LongPollClient;
import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Timing;
import dev.holdline.tck.longpoll.app.ArrivalLog;
import dev.holdline.tck.longpoll.app.FailingServlet;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Java client ({@code holdline-longpoll-client}, LP-9.1 to LP-9.4) in the test JVM against the
 * module deployed in the container. The deployed {@code ArrivalLog} tells when each of the client's
 * requests reached the server, so pacing is measured where it matters, on the server's clock.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LongPollJavaClientTest {

    @Deployment(name = "client", testable = false)
    static WebArchive client() {
        return LongPollWars.war("lp-java-client", Map.of()).addClasses(ArrivalLog.class, FailingServlet.class);
    }

    /** Nothing may park here: every request that would wait is refused {@code 503} with {@code Retry-After}. */
    @Deployment(name = "busy", testable = false)
    static WebArchive busy() {
        return LongPollWars.war("lp-java-client-busy", Map.of("holdline.longpoll.topics", "busy",
                "holdline.longpoll.max-parked", "0")).addClasses(ArrivalLog.class);
    }

    @ArquillianResource
    @OperateOnDeployment("client")
    URL clientUrl;

    @ArquillianResource
    @OperateOnDeployment("busy")
    URL busyUrl;

    /** One request as the server saw it: when, relative to the first; its status if refused at once (-1 if parked). */
    record Arrival(long millis, int status, Integer retryAfterSeconds) {
    }

    @Test
    @Assertion("LP-9.1")
    void handsEveryEventOverOnceInOrderAcrossAnswers() {
        LongPollHttp http = new LongPollHttp(clientUrl);
        String topic = http.streamTopic("java-order");
        RecordingListener listener = new RecordingListener();
        try (LongPollClient client = LongPollClient.builder(events(http), topic)
                .cursor(http.currentCursor(topic)).wait(Duration.ofSeconds(5)).limit(7).listener(listener).build()) {
            client.start();
            http.publishMany(topic, 25);                       // answered in pieces of at most 7
            http.awaitParked(topic, 1);
            String last = null;
            for (int i = 26; i <= 30; i++) {                  // each one wakes a parked request
                last = http.publish(topic, "seq", "{\"n\":" + i + "}");
            }
            await("30 events").atMost(SHORT).until(() -> listener.events().size() >= 30);
            List<ClientEvent> events = listener.events();
            assertEquals(IntStream.rangeClosed(1, 30).mapToObj(n -> "{\"n\":" + n + "}").toList(),
                    events.stream().map(ClientEvent::dataJson).toList(), "every event once, in publish order");
            assertEquals(last, events.get(29).id());
            String cursor = last;
            await("the client's cursor follows the last event").atMost(SHORT).until(() -> cursor.equals(client.cursor()));
            assertEquals(List.of(), listener.gaps());
        }
    }

    @Test
    @Assertion("LP-9.2")
    void resynchronisesFromThe410CursorAndReportsTheGap() {
        LongPollHttp http = new LongPollHttp(clientUrl);
        String topic = LongPollHttp.uniqueTopic("java-gap");
        http.declare(topic, "stream", 3, null);
        String stale = http.currentCursor(topic);
        String resync = http.publishMany(topic, 10);           // the first 7 are gone: a 410 for "stale"
        RecordingListener listener = new RecordingListener();
        try (LongPollClient client = LongPollClient.builder(events(http), topic)
                .cursor(stale).wait(Duration.ofSeconds(5)).listener(listener).build()) {
            client.start();
            await("the gap").atMost(SHORT).until(() -> !listener.gaps().isEmpty());
            assertEquals(List.of(new RecordingListener.Gap(stale, resync)), listener.gaps());
            http.awaitParked(topic, 1);
            String after = http.publish(topic, "after-gap", "{\"n\":11}");
            await("the event after the gap").atMost(SHORT).until(() -> !listener.events().isEmpty());
            assertEquals(List.of(after), listener.events().stream().map(ClientEvent::id).toList(),
                    "only events after the resync cursor are handed over");
        }
    }

    @Test
    @Assertion("LP-9.3")
    void waitsAtLeastRetryAfterWhenRefused503() {
        LongPollHttp http = new LongPollHttp(busyUrl);
        RecordingListener listener = new RecordingListener();
        try (LongPollClient client = LongPollClient.builder(events(http), "busy")
                .wait(Duration.ofSeconds(1)).listener(listener).build()) {
            client.start();
            await("three refused requests").atMost(Timing.scaled(Duration.ofSeconds(40)))
                    .until(() -> arrivals(busyUrl, "/events/busy").stream().filter(a -> a.status() == 503).count() >= 3);
            assertTrue(!client.isClosed(), "a 503 does not stop the client");
        }
        List<Arrival> arrivals = arrivals(busyUrl, "/events/busy");
        int checked = 0;
        for (int i = 0; i + 1 < arrivals.size(); i++) {
            Arrival refused = arrivals.get(i);
            if (refused.status() != 503) {
                continue;
            }
            assertTrue(refused.retryAfterSeconds() != null && refused.retryAfterSeconds() >= 1, "503 with Retry-After: " + arrivals);
            long gap = arrivals.get(i + 1).millis() - refused.millis();
            assertTrue(gap >= refused.retryAfterSeconds() * 1000L - 10,
                    "after a 503 with Retry-After " + refused.retryAfterSeconds() + " s the next request came after " + gap + " ms: " + arrivals);
            checked++;
        }
        assertTrue(checked >= 2, "at least two refusals followed by a request: " + arrivals);
    }

    @Test
    @Assertion("LP-9.3")
    void backsOffOnServerErrorsAndRecovers() {
        LongPollHttp http = new LongPollHttp(clientUrl);
        String topic = http.streamTopic("java-backoff");
        String path = "/lp-app/failing/" + topic;
        RecordingListener listener = new RecordingListener();
        Duration watched = Duration.ofSeconds(3);
        try (LongPollClient client = LongPollClient.builder(http.base().resolve("lp-app/failing/"), topic)
                .cursor(http.currentCursor(topic)).wait(Duration.ofSeconds(5))
                .backoff(Duration.ofMillis(100), Duration.ofMillis(400)).listener(listener).build()) {
            long start = System.nanoTime();
            client.start();
            await("failing requests for " + watched).atMost(watched.plus(SHORT))
                    .until(() -> Duration.ofNanos(System.nanoTime() - start).compareTo(watched) >= 0
                            && arrivals(clientUrl, path).size() >= 3);
            List<Arrival> failed = arrivals(clientUrl, path);
            // Without back-off a client would send hundreds of requests in 3 s; with a cap of 400 ms
            // and full jitter it sends about 15, whatever the jitter drew.
            assertTrue(failed.size() <= 60, failed.size() + " requests in about " + watched + ": no back-off");
            assertTrue(failed.stream().allMatch(a -> a.status() == 500), "all failed: " + failed);
            assertTrue(!listener.errors().isEmpty(), "the failures are reported to onError");

            recover(http, true);
            String published = http.publish(topic, "after-outage", "{\"n\":1}");
            await("the event after the outage").atMost(SHORT)
                    .until(() -> listener.events().stream().anyMatch(e -> e.id().equals(published)));
        } finally {
            recover(http, false);
        }
    }

    @Test
    @Assertion("LP-9.4")
    void closeEndsTheParkedRequestAndStopsPolling() {
        LongPollHttp http = new LongPollHttp(clientUrl);
        String topic = http.streamTopic("java-close");
        String path = "/events/" + topic;
        RecordingListener listener = new RecordingListener();
        LongPollClient client = LongPollClient.builder(events(http), topic)
                .cursor(http.currentCursor(topic)).wait(Duration.ofSeconds(1)).listener(listener).build();
        client.start();
        http.awaitParked(topic, 1);

        long start = System.nanoTime();
        client.close();
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(SLACK) <= 0, "close() returns at once");
        assertTrue(client.isClosed());
        int requests = arrivals(clientUrl, path).size();
        http.publish(topic, "after-close", "{\"n\":1}");
        // Two of its waits: a client still polling would have asked again in that time.
        await("no request after close").during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                .until(() -> arrivals(clientUrl, path).size() == requests);
        assertEquals(List.of(), listener.events(), "nothing is handed over after close");
    }

    private static URI events(LongPollHttp http) {
        return http.base().resolve("events/");
    }

    private static void recover(LongPollHttp http, boolean recovered) {
        HttpResponse<String> answer = http.send(http.request(http.base().resolve("lp-app/failing?recover=" + recovered), SHORT)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, answer.statusCode(), answer::body);
    }

    private static List<Arrival> arrivals(URL base, String path) {
        LongPollHttp http = new LongPollHttp(base);
        HttpResponse<String> answer = http.send(http.request(http.base().resolve("lp-app/arrivals?path=" + LongPollHttp.enc(path)), SHORT)
                .GET().build());
        assertEquals(200, answer.statusCode(), answer::body);
        List<Arrival> arrivals = new ArrayList<>();
        for (String line : answer.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(" ");
            arrivals.add(new Arrival(Long.parseLong(fields[0]), Integer.parseInt(fields[1]),
                    fields[2].equals("-") ? null : Integer.valueOf(fields[2])));
        }
        return arrivals;
    }
}
