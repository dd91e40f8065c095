package dev.holdline.tck.longpoll;

import static dev.holdline.tck.longpoll.LongPollHttp.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * LP-1.1, LP-1.2, LP-1.4 and LP-1.6: the servlet registers itself (or not, or elsewhere) from the jar
 * in {@code WEB-INF/lib}, and {@code Topics.publish} without CDI.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LongPollRegistrationTest {

    @Deployment(name = "plain", testable = false)
    static WebArchive plain() {
        return LongPollWars.war("lp-plain", Map.of());
    }

    @Deployment(name = "mapped", testable = false)
    static WebArchive mapped() {
        return LongPollWars.war("lp-mapped", Map.of(
                "holdline.longpoll.mapping", "/feed/*",
                "holdline.longpoll.topics", "mapped"));
    }

    @Deployment(name = "disabled", testable = false)
    static WebArchive disabled() {
        return LongPollWars.war("lp-disabled", Map.of(
                "holdline.longpoll.enabled", "false",
                "holdline.longpoll.topics", "off"));
    }

    @ArquillianResource
    @OperateOnDeployment("plain")
    URL plainUrl;

    @ArquillianResource
    @OperateOnDeployment("mapped")
    URL mappedUrl;

    @ArquillianResource
    @OperateOnDeployment("disabled")
    URL disabledUrl;

    @Test
    @Assertion({"LP-1.1", "LP-5.4"})
    void jarInWebInfLibServesEventsWithoutConfiguration() {
        LongPollHttp client = new LongPollHttp(plainUrl);
        String topic = LongPollHttp.uniqueTopic("plain");
        assertProblem(client.get(topic), 404, "unknown-topic");

        client.declare(topic, "stream", null, null);
        HttpResponse<String> response = client.get(topic);
        assertEquals(200, response.statusCode(), response::body);
        assertEquals(topic, JsonPath.from(response.body()).getString("topic"));
    }

    @Test
    @Assertion("LP-1.2")
    void mappingMovesTheServlet() {
        LongPollHttp feed = new LongPollHttp(mappedUrl, "feed");
        HttpResponse<String> moved = feed.get("mapped");
        assertEquals(200, moved.statusCode(), moved::body);
        assertEquals("mapped", JsonPath.from(moved.body()).getString("topic"));

        HttpResponse<String> old = new LongPollHttp(mappedUrl).get("mapped");
        assertEquals(404, old.statusCode(), "nothing is served at /events/* any more: " + old.body());
        assertNotFromTheModule(old);
    }

    @Test
    @Assertion("LP-1.2")
    void disabledRegistersNoServlet() {
        LongPollHttp client = new LongPollHttp(disabledUrl);
        for (String topic : List.of("off", "undeclared")) {
            HttpResponse<String> response = client.get(topic);
            assertEquals(404, response.statusCode(), "no long-poll servlet: " + response.body());
            assertNotFromTheModule(response);
        }
    }

    @Test
    @Assertion("LP-1.4")
    void publishReturnsTheEventIdAndTheSubscribersNextCursor() {
        LongPollHttp client = new LongPollHttp(plainUrl);
        String topic = client.streamTopic("publish");
        String start = client.currentCursor(topic);

        String first = client.publish(topic, "t1", "{\"k\":1}");
        String second = client.publish(topic, "t2", "[1,2]");

        JsonPath body = JsonPath.from(client.get(topic + "?cursor=" + LongPollHttp.enc(start)).body());
        assertEquals(List.of(first, second), body.getList("events.id"), "each publish returned its event's id");
        assertEquals(second, body.getString("cursor"));

        JsonPath afterFirst = JsonPath.from(client.get(topic + "?cursor=" + LongPollHttp.enc(first)).body());
        assertEquals(List.of(second), afterFirst.getList("events.id"), "a cursor returned by publish reads what follows");
        assertEquals(second, client.currentCursor(topic), "the last publish's cursor is the current cursor");
    }

    @Test
    @Assertion("LP-1.6")
    void refusedPublishThrowsIllegalArgumentAndChangesNothing() {
        LongPollHttp client = new LongPollHttp(plainUrl);
        String undeclared = LongPollHttp.uniqueTopic("undeclared");
        HttpResponse<String> refused = client.publishRaw(undeclared, "t", "{}");
        assertEquals(422, refused.statusCode(), "publish to an undeclared topic: " + refused.body());
        assertTrue(refused.body().startsWith(IllegalArgumentException.class.getName()), refused::body);
        assertNull(client.definition(undeclared), "publishing declared nothing");
        assertProblem(client.get(undeclared), 404, "unknown-topic");

        String topic = client.streamTopic("notjson");
        String before = client.currentCursor(topic);
        for (String notOneValue : List.of("", "{\"a\":", "{} {}", "1 2", "{\"a\":1}x", "nope", "'single'", "[1,]", "{a:1}")) {
            HttpResponse<String> response = client.publishRaw(topic, "t", notOneValue);
            assertEquals(422, response.statusCode(), "publish of <" + notOneValue + ">: " + response.body());
            assertTrue(response.body().startsWith(IllegalArgumentException.class.getName()),
                    "publish of <" + notOneValue + "> throws IllegalArgumentException: " + response.body());
        }
        assertEquals(before, client.currentCursor(topic), "no refused publish moved the cursor");
        HttpResponse<String> nothing = client.get(topic + "?wait=0&cursor=" + LongPollHttp.enc(before));
        assertEquals(304, nothing.statusCode(), "no event was appended: " + nothing.body());
    }

    /** A container 404 is neither the module's JSON nor one of its problems. */
    private static void assertNotFromTheModule(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        assertFalse(type.startsWith("application/json") || type.startsWith("application/problem+json"),
                "answered by the long-poll servlet (" + type + "): " + response.body());
    }
}
