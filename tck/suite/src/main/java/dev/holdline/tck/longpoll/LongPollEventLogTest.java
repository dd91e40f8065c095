package dev.holdline.tck.longpoll;

import static dev.holdline.tck.longpoll.LongPollHttp.SHORT;
import static dev.holdline.tck.longpoll.LongPollHttp.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.holdline.tck.api.Assertion;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
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
 * The {@code EventLog} SPI seen from outside (LP-1.7, LP-1.8): an application names its own
 * {@code EventLogFactory} ({@code app.TaggedEventLogs}, whose logs carry a fixed epoch) and every topic,
 * declared by configuration or in code, is kept there; an append made by "another node" reaches the
 * parked requests once the log wakes them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LongPollEventLogTest {

    private static final String FACTORY = "dev.holdline.tck.longpoll.app.TaggedEventLogs";
    private static final String EPOCH = "holdlinetck";

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = LongPollWars.war("lp-eventlog", Map.of(
                "holdline.longpoll.topics", "configured, shared",
                "holdline.longpoll.event-log-factory", FACTORY));
        war.addClasses(dev.holdline.tck.longpoll.app.ElsewhereServlet.class);
        return LongPollWars.withModuleClasses(war, FACTORY, "dev.holdline.tck.longpoll.app.TaggedEventLog");
    }

    @ArquillianResource
    URL base;

    @Test
    @Assertion("LP-1.7")
    void everyTopicIsKeptInTheNamedFactorysLogs() {
        LongPollHttp client = new LongPollHttp(base);
        assertEquals(EPOCH + ".0", client.currentCursor("configured"));

        String declaredInCode = client.streamTopic("eventlog");
        assertEquals(EPOCH + ".0", client.currentCursor(declaredInCode));
        String published = client.publish(declaredInCode, "made", "{\"k\":1}");
        assertEquals(EPOCH + ".1", published);

        HttpResponse<String> answer = client.get(declaredInCode + "?cursor=" + enc(EPOCH + ".0"));
        assertEquals(200, answer.statusCode(), answer::body);
        JsonPath body = JsonPath.from(answer.body());
        assertEquals(List.of(EPOCH + ".1"), body.getList("events.id"));
        assertEquals(EPOCH + ".1", body.getString("cursor"));
    }

    @Test
    @Assertion("LP-1.8")
    void anAppendFromAnotherNodeAnswersTheParkedRequests() throws Exception {
        LongPollHttp client = new LongPollHttp(base);
        String cursor = client.currentCursor("shared");
        List<CompletableFuture<HttpResponse<String>>> parked = List.of(
                client.getAsync("shared?cursor=" + enc(cursor), SHORT.plusSeconds(20), "Prefer", "wait=20"),
                client.getAsync("shared?cursor=" + enc(cursor), SHORT.plusSeconds(20), "Prefer", "wait=20"));
        client.awaitParked("shared", 2);

        HttpResponse<String> appended = client.send(client.request(client.base().resolve("lp-app/elsewhere?topic=shared&type=remote"),
                SHORT, "Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"node\":2}")).build());
        assertEquals(200, appended.statusCode(), appended::body);

        for (CompletableFuture<HttpResponse<String>> request : parked) {
            HttpResponse<String> answer = request.get(SHORT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(200, answer.statusCode(), answer::body);
            JsonPath body = JsonPath.from(answer.body());
            assertEquals(List.of("remote"), body.getList("events.type"));
            assertEquals(2, body.getInt("events[0].data.node"));
        }
        client.awaitParked("shared", 0);
    }
}
