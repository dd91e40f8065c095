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
import dev.holdline.tck.longpoll.app.ScriptedAnswers;
import dev.holdline.tck.longpoll.app.ScriptedAnswersFilter;
import dev.holdline.tck.longpoll.app.ScriptedAnswersServlet;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * module deployed in the container. The deployed {@link ScriptedAnswersFilter} tells when each of the
 * client's requests reached the server, so pacing is measured where it matters, on the server's clock,
 * and plays an outage with scripted {@code 500}s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LongPollJavaClientTest {

    @Deployment(name = "client", testable = false)
    static WebArchive client() {
        return LongPollWars.war("lp-java-client", Map.of()).addClasses(ScriptedAnswers.class, ScriptedAnswers.Answer.class,
                ScriptedAnswersFilter.class, ScriptedAnswersServlet.class);
    }

    /** Nothing may park here: every request that would wait is refused {@code 503} with {@code Retry-After}. */
    @Deployment(name = "busy", testable = false)
    static WebArchive busy() {
        return LongPollWars.war("lp-java-client-busy", Map.of("holdline.longpoll.topics", "busy",
                "holdline.longpoll.max-parked", "0")).addClasses(ScriptedAnswers.class, ScriptedAnswers.Answer.class,
                ScriptedAnswersFilter.class, ScriptedAnswersServlet.class);
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
                    .until(() -> arrivals(busyUrl, "busy").stream().filter(a -> a.status() == 503).count() >= 3);
            assertTrue(!client.isClosed(), "a 503 does not stop the client");
        }
        List<Arrival> arrivals = arrivals(busyUrl, "busy");
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
        int failures = 12;
        String start = http.currentCursor(topic);
        script(http, topic, Collections.nCopies(failures, "500"));
        RecordingListener listener = new RecordingListener();
        try (LongPollClient client = LongPollClient.builder(events(http), topic)
                .cursor(start).wait(Duration.ofSeconds(5))
                .backoff(Duration.ofMillis(100), Duration.ofMillis(400)).listener(listener).build()) {
            client.start();
            http.awaitParked(topic, 1);                           // through the outage, parked again
            String published = http.publish(topic, "after-outage", "{\"n\":1}");
            await("the event after the outage").atMost(SHORT)
                    .until(() -> listener.events().stream().anyMatch(e -> e.id().equals(published)));
            assertEquals(failures, listener.errors().size(), "each failure reported to onError: " + listener.errors());
        }
        List<Arrival> failed = arrivals(clientUrl, topic).stream().filter(a -> a.status() == 500).toList();
        assertEquals(failures, failed.size());
        long span = failed.get(failures - 1).millis() - failed.get(0).millis();
        // Without back-off 12 requests take a few milliseconds. With a 100 ms base, a 400 ms cap and full
        // jitter they take about 2 s; under 300 ms has a probability below 1e-6.
        assertTrue(span >= 300, failures + " failed requests within " + span + " ms: no back-off " + failed);
    }

    @Test
    @Assertion("LP-9.4")
    void closeEndsTheParkedRequestAndStopsPolling() {
        LongPollHttp http = new LongPollHttp(clientUrl);
        String topic = http.streamTopic("java-close");
        RecordingListener listener = new RecordingListener();
        LongPollClient client = LongPollClient.builder(events(http), topic)
                .cursor(http.currentCursor(topic)).wait(Duration.ofSeconds(1)).listener(listener).build();
        client.start();
        http.awaitParked(topic, 1);

        long start = System.nanoTime();
        client.close();
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(SLACK) <= 0, "close() returns at once");
        assertTrue(client.isClosed());
        int requests = arrivals(clientUrl, topic).size();
        http.publish(topic, "after-close", "{\"n\":1}");
        // Two of its waits: a client still polling would have asked again in that time.
        await("no request after close").during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                .until(() -> arrivals(clientUrl, topic).size() == requests);
        assertEquals(List.of(), listener.events(), "nothing is handed over after close");
    }

    private static URI events(LongPollHttp http) {
        return http.base().resolve("events/");
    }

    private static void script(LongPollHttp http, String topic, List<String> answers) {
        StringBuilder query = new StringBuilder("lp-app/scripted?topic=" + LongPollHttp.enc(topic));
        answers.forEach(answer -> query.append("&answer=").append(LongPollHttp.enc(answer)));
        HttpResponse<String> scripted = http.send(http.request(http.base().resolve(query.toString()), SHORT)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(204, scripted.statusCode(), scripted::body);
    }

    /** The requests to {@code topic} as {@code ScriptedAnswersFilter} logged them. */
    private static List<Arrival> arrivals(URL base, String topic) {
        LongPollHttp http = new LongPollHttp(base);
        HttpResponse<String> answer = http.send(http.request(http.base().resolve("lp-app/scripted?topic=" + LongPollHttp.enc(topic)), SHORT)
                .GET().build());
        assertEquals(200, answer.statusCode(), answer::body);
        List<Arrival> arrivals = new ArrayList<>();
        long first = -1;
        for (String line : answer.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            // <monotonic ms> <wall ms> <status|async> <cursor|-> <Retry-After|->
            String[] fields = line.split(" ");
            long millis = Long.parseLong(fields[0]);
            first = first < 0 ? millis : first;
            int status = fields[2].equals("async") ? -1 : Integer.parseInt(fields[2]);
            Integer retryAfter = fields[4].matches("\\d+") ? Integer.valueOf(fields[4]) : null;
            arrivals.add(new Arrival(millis - first, status, retryAfter));
        }
        return arrivals;
    }
}
