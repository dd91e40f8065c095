package dev.holdline.tck.longpoll;

import static dev.holdline.tck.longpoll.LongPollHttp.SLACK;
import static dev.holdline.tck.longpoll.LongPollHttp.assertProblem;
import static dev.holdline.tck.longpoll.LongPollHttp.assertRetryAfterSeconds;
import static dev.holdline.tck.longpoll.LongPollHttp.assertWithin;
import static dev.holdline.tck.longpoll.LongPollHttp.enc;
import static dev.holdline.tck.longpoll.LongPollHttp.since;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Capability;
import dev.holdline.tck.api.RequiresCapability;
import dev.holdline.tck.api.Timing;
import dev.holdline.tck.container.undeploy.AliveServlet;
import dev.holdline.tck.harness.ClientOutcome;
import dev.holdline.tck.harness.Deployments;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * LP-8: shutdown. {@code LongPollRuntime.beginShutdown()} on one deployment (LP-8.1), and undeploying
 * another while requests are parked (LP-8.2, LP-8.3), with an anchor application that stays deployed
 * and gives the server's address (the unmanaged one has no URL to inject before it is deployed).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LongPollShutdownTest {

    private static final String UNDEPLOYED = "lp-undeploy";
    /** The module's default drain period, which the undeployed application does not change. */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    @Deployment(name = "shutdown", testable = false)
    static WebArchive shutdown() {
        return LongPollWars.war("lp-shutdown", Map.of("holdline.longpoll.topics", "closing"));
    }

    @Deployment(name = "anchor", testable = false)
    static WebArchive anchor() {
        return Deployments.war("lp-anchor").addClass(AliveServlet.class);
    }

    @Deployment(name = UNDEPLOYED, managed = false, testable = false)
    static WebArchive undeployed() {
        return LongPollWars.war(UNDEPLOYED, Map.of("holdline.longpoll.topics", "drained"));
    }

    @ArquillianResource
    @OperateOnDeployment("shutdown")
    URL shutdownUrl;

    @ArquillianResource
    @OperateOnDeployment("anchor")
    URL anchorUrl;

    @ArquillianResource
    Deployer deployer;

    @Test
    @Assertion("LP-8.1")
    void onceShutdownHasBegunRequestsAre503ShuttingDown() throws Exception {
        LongPollHttp client = new LongPollHttp(shutdownUrl);
        String cursor = client.currentCursor("closing");
        Duration limit = Timing.scaled(Duration.ofSeconds(40));
        CompletableFuture<HttpResponse<String>> parked = client.getAsync("closing?wait=30s&cursor=" + enc(cursor), limit);
        client.awaitParked("closing", 1);

        HttpResponse<String> begun = client.send(client.request(client.base().resolve("lp-app/runtime/shutdown"), LongPollHttp.SHORT)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(204, begun.statusCode(), begun::body);
        long shutdownStart = System.nanoTime();

        for (String request : List.of("closing", "closing?wait=0&cursor=" + enc(cursor), "closing?wait=10s&cursor=" + enc(cursor))) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.get(request);
            assertWithin("GET " + request + " after beginShutdown()", since(start), Duration.ZERO, SLACK);
            assertShuttingDown(response, "GET " + request);
        }

        ClientOutcome outcome = ClientOutcome.await(parked, shutdownStart, limit);
        assertTrue(outcome.response().isPresent(), "the request parked before beginShutdown() was answered: " + outcome.describe());
        assertWithin("beginShutdown() until the parked request was answered", outcome.after(), Duration.ZERO, DRAIN.plus(SLACK));
        assertShuttingDown(outcome.response().get(), "the request parked before beginShutdown()");
    }

    @Test
    @Assertion({"LP-8.2", "LP-8.3"})
    @RequiresCapability(Capability.UNDEPLOY)
    void undeployAnswersEveryParkedRequestWithinTheDrainPeriod() throws Exception {
        deployer.deploy(UNDEPLOYED);
        LongPollHttp client = new LongPollHttp(anchorUrl.toURI().resolve("/" + UNDEPLOYED + "/").toURL());
        String cursor = client.currentCursor("drained");
        Duration limit = Timing.scaled(Duration.ofSeconds(60));
        List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parked.add(client.getAsync("drained?wait=50s&cursor=" + enc(cursor), limit));
        }
        client.awaitParked("drained", 3);

        long undeployStart = System.nanoTime();
        deployer.undeploy(UNDEPLOYED);
        Duration undeployCall = since(undeployStart);

        for (CompletableFuture<HttpResponse<String>> waiter : parked) {
            ClientOutcome outcome = ClientOutcome.await(waiter, undeployStart, limit);
            assertTrue(outcome.response().isPresent(), "LP-8.2: a parked client got an answer on undeploy: " + outcome.describe());
            assertWithin("LP-8.2: undeploy until a parked client was answered", outcome.after(), Duration.ZERO, DRAIN.plus(SLACK));
            assertShuttingDown(outcome.response().get(), "a request parked during undeploy");
        }
        assertWithin("LP-8.3: the undeploy call with parked requests", undeployCall, Duration.ZERO, DRAIN.plus(SLACK));

        HttpResponse<String> alive = client.send(client.request(anchorUrl.toURI().resolve("alive"), LongPollHttp.SHORT).GET().build());
        assertEquals("alive", alive.body(), "the container keeps serving");
    }

    private static void assertShuttingDown(HttpResponse<String> response, String what) {
        assertProblem(response, 503, "shutting-down");
        long retryAfter = assertRetryAfterSeconds(response);
        assertTrue(retryAfter <= 60, what + ": Retry-After is a small delay, was " + retryAfter);
        String connection = response.headers().firstValue("Connection").orElse("");
        assertTrue(connection.toLowerCase(Locale.ROOT).contains("close"), what + ": Connection: close, was '" + connection + "'");
    }
}
