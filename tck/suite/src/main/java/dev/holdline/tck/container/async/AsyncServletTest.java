package dev.holdline.tck.container.async;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Timing;
import dev.holdline.tck.harness.Deployments;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CT-1: asynchronous servlets, the mechanism every parked Holdline request uses. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AsyncServletTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("ct-async")
                .addClasses(ListenerCalls.class, ListenerCallsServlet.class, CompleteLaterServlet.class, TimeoutServlet.class);
    }

    @ArquillianResource
    private URL base;

    @Test
    @Assertion({"CT-1.1", "CT-1.4"})
    void requestCompletedByAnotherThreadGetsWhatThatThreadWrote() {
        String id = UUID.randomUUID().toString();
        Response response = RestAssured.given().baseUri(base.toString()).queryParam("id", id).get("complete-later");

        response.then()
                .statusCode(202)
                .header("X-Completed-By", CompleteLaterServlet.COMPLETER)
                .body(containsString("completer=" + CompleteLaterServlet.COMPLETER))
                .body(not(containsString("service=" + CompleteLaterServlet.COMPLETER)));
        awaitListenerCalls(id, "complete");
    }

    @Test
    @Assertion({"CT-1.2", "CT-1.3", "CT-1.4"})
    void setTimeoutIsHonouredAndOnTimeoutAnswersUnchanged() {
        String id = UUID.randomUUID().toString();
        Duration timeout = Duration.ofMillis(500);
        long start = System.nanoTime();
        Response response = RestAssured.given().baseUri(base.toString())
                .queryParam("id", id).queryParam("ms", timeout.toMillis())
                .get("timeout");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        response.then()
                .statusCode(503)
                .header("Retry-After", "1")
                .body(equalTo(TimeoutServlet.BODY));
        Timing.assertBetween("setTimeout(500 ms) until the client got the onTimeout answer",
                elapsed, timeout, timeout.plusSeconds(2));
        awaitListenerCalls(id, "timeout,complete");
    }

    /** Waits for the callbacks to arrive, then checks no further callback follows the expected ones. */
    private void awaitListenerCalls(String id, String expected) {
        await("listener calls of " + id).atMost(Timing.scaled(Duration.ofSeconds(5)))
                .until(() -> listenerCalls(id).length() >= expected.length());
        assertEquals(expected, listenerCalls(id));
    }

    private String listenerCalls(String id) {
        return RestAssured.given().baseUri(base.toString()).queryParam("id", id)
                .get("listener-calls").then().statusCode(200).extract().asString();
    }
}
