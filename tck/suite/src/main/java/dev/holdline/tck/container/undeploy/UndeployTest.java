package dev.holdline.tck.container.undeploy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Capability;
import dev.holdline.tck.api.Observations;
import dev.holdline.tck.api.RequiresCapability;
import dev.holdline.tck.api.Timing;
import dev.holdline.tck.container.async.ListenerCalls;
import dev.holdline.tck.container.async.ParkServlet;
import dev.holdline.tck.harness.ClientOutcome;
import dev.holdline.tck.harness.Deployments;
import dev.holdline.tck.harness.HttpClients;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CT-4 and CT-5.3: undeploying an application while one of its requests is parked. A second
 * application ("anchor") stays deployed to show the container keeps serving, and gives the address
 * of the server (the undeployed one has no URL to inject before it is deployed).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@RequiresCapability(Capability.UNDEPLOY)
class UndeployTest {

    private static final String PARKING = "ct-parking";
    private static final Path MARKER = Path.of(System.getProperty("java.io.tmpdir"),
            "holdline-tck-" + ProcessHandle.current().pid() + "-" + PARKING + ".destroyed").toAbsolutePath();

    @Deployment(name = "anchor", testable = false)
    static WebArchive anchor() {
        return Deployments.war("ct-anchor").addClass(AliveServlet.class);
    }

    @Deployment(name = PARKING, managed = false, testable = false)
    static WebArchive parking() {
        String webXml = """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param>
                    <param-name>%s</param-name>
                    <param-value>%s</param-value>
                  </context-param>
                </web-app>
                """.formatted(DestroyMarker.MARKER_PARAM, MARKER);
        return Deployments.war(PARKING)
                .addClasses(ParkServlet.class, ListenerCalls.class, DestroyMarker.class)
                .setWebXML(new StringAsset(webXml));
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("anchor")
    URL anchorUrl;

    private final HttpClient client = HttpClients.http11();

    @Test
    @Assertion({"CT-4.1", "CT-4.2", "CT-4.3", "CT-5.3"})
    void undeployWhileRequestIsParked() throws Exception {
        Files.deleteIfExists(MARKER);
        URI parking = anchorUrl.toURI().resolve("/" + PARKING + "/");
        deployer.deploy(PARKING);

        Duration limit = Timing.scaled(Duration.ofSeconds(60));
        CompletableFuture<HttpResponse<String>> parked = client.sendAsync(
                HttpRequest.newBuilder(parking.resolve("park?id=u1&timeout=600000")).timeout(limit).build(),
                HttpResponse.BodyHandlers.ofString());
        await("request parked").atMost(Timing.scaled(Duration.ofSeconds(10)))
                .until(() -> get(parking.resolve("parked?id=u1")).statusCode() == 200);

        long undeployStart = System.nanoTime();
        deployer.undeploy(PARKING);
        Duration undeployCall = Duration.ofNanos(System.nanoTime() - undeployStart);
        ClientOutcome outcome = ClientOutcome.await(parked, undeployStart, limit);
        Observations.record("undeploy.parked",
                "Client of a parked request when the application is undeployed (CT-5.3)",
                outcome.describe() + "; the undeploy call returned " + ClientOutcome.roughly(undeployCall));

        assertEquals("alive", get(URI.create(anchorUrl + "alive")).body(), "CT-4.1: the container keeps serving");
        assertGone(parking.resolve("parked?id=u1"));
        assertTrue(Files.exists(MARKER), "CT-4.3: contextDestroyed ran on undeploy");
    }

    private void assertGone(URI uri) throws InterruptedException {
        try {
            assertEquals(404, get(uri).statusCode(), "CT-4.2: the undeployed context answers 404");
        } catch (IOException refused) {
            assertInstanceOf(ConnectException.class, refused, "CT-4.2: a refused connection is the other acceptable answer");
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Timing.scaled(Duration.ofSeconds(10))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
